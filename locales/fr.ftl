# Chorus, français. Les messages dont la clé finit par -html peuvent contenir un peu de
# balisage (<strong>, <a>) ; les autres s’affichent comme du texte.

## Toutes les pages
skip-link = Aller au contenu
site-leave = Quitter ce site
site-leave-shortcut = (ou appuyez 3 fois sur Maj)
nav-site = Site
nav-home = Accueil
nav-submit = Dire moi aussi
nav-counts = Chiffres
nav-return = Revenir avec un code
nav-pledge = Je m’engage
nav-federation = Plusieurs campagnes
nav-resources = Trouver de l’aide
nav-languages = Langues
footer-privacy = Ce site ne dépose aucun cookie chez les personnes qui le visitent, ne charge rien d’ailleurs et n’enregistre jamais votre adresse IP.
error-prefix = Erreur :

## À propos de cette campagne
about-heading = À propos de cette campagne
kept-until-deleted = Les témoignages sont conservés jusqu’à ce que l’équipe les supprime.
kept-for-days = { $n ->
    [one] Les témoignages sont supprimés au bout de { $n } jour.
   *[other] Les témoignages sont supprimés au bout de { $n } jours.
}

## Page d’accueil
landing-title = Vous n’êtes pas la seule personne.
landing-lead-html = Si vous avez subi du harcèlement sexuel ou une agression sexuelle, vous pouvez dire ici <strong>« moi aussi »</strong>, avec ou sans raconter ce qui s’est passé. Pas de nom, pas d’e-mail, pas de compte.
landing-button = Moi aussi
landing-more-html = Un seul geste suffit : il est compté, et rien d’autre n’est demandé. Si vous voulez en dire plus, vous pouvez <a href="{ $href }">en raconter autant ou aussi peu que vous le souhaitez</a>.
not-open = Ce site n’accepte pas encore de témoignages : l’équipe organisatrice le prépare encore.
landing-what-happens = Ce que devient ce que vous envoyez
landing-locked = C’est verrouillé (chiffré) dès l’arrivée. Seule l’équipe d’accompagnement de cette campagne peut l’ouvrir.
landing-no-trace = Nous n’enregistrons jamais votre adresse IP, votre navigateur ni l’heure exacte : seulement le jour.
landing-totals = Le public ne voit que des totaux, avec un peu de bruit ajouté, pour qu’il soit impossible de repérer qui que ce soit.
landing-see-counts = Voir combien de fois « moi aussi » a été dit
landing-find-help = Trouver de l’aide maintenant

## Le formulaire
submit-title = Dire moi aussi
submit-intro = Tout dans ce formulaire est facultatif. L’envoyer tel quel suffit pour dire « moi aussi », et c’est compté. Ce que vous écrivez est verrouillé dès l’arrivée ; seule l’équipe d’accompagnement de la campagne peut le lire.
submit-statement-label = Ce qui s’est passé, si vous voulez le raconter
optional = (facultatif)
optional-any = (facultatif, autant de choix que vous voulez)
statement-limit = Écrivez autant ou aussi peu que vous voulez, dans n’importe quelle langue. Si vous ne voulez pas que des noms soient lus, y compris le vôtre, laissez-les de côté. Jusqu’à { $n } caractères.
submit-categories = De quoi s’agissait-il ?
submit-setting = Où cela s’est-il passé ?
submit-setting-none = Je préfère ne pas le dire
submit-sharing = Partage
submit-consent = J’accepte que l’équipe publie un court extrait, après avoir retiré tout ce qui pourrait identifier quelqu’un.
submit-hearing-back = Recevoir une réponse
submit-want-receipt = Donnez-moi un code pour revenir : lire les réponses, ajouter quelque chose ou retirer mon témoignage
submit-receipt-hint = Le code compte 8 mots et ne s’affiche qu’une fois. Nous ne le gardons pas : conservez-le en lieu sûr et privé.
submit-receipt-language = Avec un code, l’équipe voit aussi dans quelle langue était cette page, pour pouvoir vous répondre dans cette langue.
submit-send = Envoyer
submit-nothing-saved = Rien n’est enregistré avant que vous appuyiez sur Envoyer. Vous pouvez fermer cette page à tout moment.

## Reçu
received-title = Reçu
received-heading = Reçu. Merci.
received-story = Vos mots ont été reçus et mis sous clé. Seule l’équipe d’accompagnement de la campagne peut les lire.
received-me-too = Votre « moi aussi » a été reçu.
receipt-heading = Votre code pour revenir
receipt-write-down-html = <strong>Notez-le maintenant</strong>, sur papier ou là où personne d’autre ne peut le voir. Il ne s’affiche qu’une fois.
receipt-private-html = <strong>Gardez-le pour vous.</strong> Quiconque l’a peut lire les réponses, ajouter quelque chose à ce que vous avez écrit ou le retirer.
receipt-lost-html = <strong>Si vous le perdez, il n’y a pas de retour possible</strong> : nous ne le gardons pas, personne ne peut donc le retrouver ni le réinitialiser.
receipt-return-html = Avec lui, vous pouvez revenir sur <a href="{ $href }">la page de retour</a> pour voir les réponses, ajouter quelque chose ou retirer votre témoignage.
received-counted = Il comptera dans les chiffres publics lors de la prochaine publication, avec ceux de tout le monde, jamais seul.
received-not-your-fault-html = Quoi qu’il se soit passé, ce n’était pas votre faute. Si vous voulez parler à quelqu’un, <a href="{ $href }">ces services peuvent vous aider</a>.
received-see-counts = Voir les chiffres

## Revenir avec un code
return-title = Revenir
return-heading = Revenez avec votre code
return-intro = Si vous avez demandé un code en disant « moi aussi », saisissez ses mots pour voir les réponses de l’équipe, ajouter quelque chose ou retirer ce que vous avez envoyé. Les majuscules, les accents, les espaces, les numéros et la ponctuation ne comptent pas, et un code fonctionne ici dans toutes les langues de ce site.
return-code-label = Votre code (ses mots, dans l’ordre)
return-open = Ouvrir
return-no-lookup = Nous ne gardons pas les codes : nous ne pouvons ni en retrouver un ni le renvoyer.

## Votre témoignage (avec un code)
thread-title = Votre témoignage
thread-not-shown = Ce que vous avez envoyé ne s’affiche pas ici : c’est verrouillé pour l’équipe depuis l’arrivée, et même votre code ne l’ouvre pas. Ainsi, quelqu’un qui trouverait votre code ne pourrait pas le lire non plus.
thread-received = Reçu le
thread-status = État
thread-replies = Réponses de l’équipe
thread-no-replies = Pas encore de réponse.
thread-add = Ajouter quelque chose
thread-add-label = Ce que vous voulez ajouter
thread-add-button = Ajouter
thread-withdraw = Retirer
thread-withdraw-explained = Retirer supprime ce que vous avez envoyé, vos ajouts et les réponses de l’équipe. Votre témoignage ne sera plus compté dans les chiffres publics à partir de la prochaine publication. C’est définitif, et votre code n’ouvrira plus rien.
thread-withdraw-confirm = Oui, retirer mon témoignage
thread-withdraw-button = Retirer

## Retiré
withdrawn-title = Retiré
withdrawn-lead = Votre témoignage, vos ajouts et les réponses de l’équipe ont été supprimés.
withdrawn-counts = Votre témoignage n’est plus compté dans les chiffres publics à partir de la prochaine publication. Votre code n’ouvre plus rien. Les copies dans les sauvegardes chiffrées de l’équipe organisatrice disparaissent à mesure que ces sauvegardes expirent.
withdrawn-help-html = Si vous voulez parler à quelqu’un, <a href="{ $href }">ces services peuvent vous aider</a>.

## Choix intégrés (les libellés propres à l’équipe organisatrice les remplacent)
category-harassment = Harcèlement sexuel
category-assault = Agression sexuelle
category-rape = Viol
category-online = Violences en ligne ou violences sexuelles par l’image (diffusion ou menace de diffusion, captation à l’insu, montages)
category-stalking = Harcèlement obsessionnel, traque (stalking)
category-other = Autre chose
setting-work = Au travail
setting-education = À l’école ou à l’université
setting-home = À la maison ou dans la famille
setting-public = Dans un lieu public
setting-online = En ligne
setting-other = Ailleurs

## Ce que disent les pages quand quelque chose est refusé (le texte est toujours gardé)
error-too-long = Ce que vous avez écrit dépasse { $n } caractères. Raccourcissez-le un peu ; rien n’a été envoyé.
error-control-character = Ce que vous avez écrit contient des caractères de contrôle invisibles que nous ne pouvons pas enregistrer. Retirez-les (coller en texte brut aide souvent) ; rien n’a été envoyé.
error-unknown-choice = L’un des choix envoyés ne figure pas dans ce formulaire. Choisissez de nouveau dans la liste ; rien n’a été envoyé.
error-unexpected-field = Le formulaire est arrivé avec un champ qu’il n’a pas, ou un champ en double. Utilisez le formulaire de cette page ; rien n’a été envoyé.
error-cross-site-kept = Ce formulaire a été envoyé depuis un autre site, donc rien n’a été envoyé. Si c’était vous, utilisez le formulaire de cette page : tout ce que vous avez écrit est toujours là.
notice-pressed-enter = Rien n’a encore été envoyé : la touche Entrée n’envoie pas ce formulaire. Tout ce que vous avez écrit et choisi est toujours là ; appuyez sur Envoyer quand vous le souhaitez.
error-network-busy = { $minutes ->
    [one] Un très grand nombre d’envois sont partis de votre réseau (votre immeuble, votre campus ou votre fournisseur d’accès) au cours de la dernière heure, donc ceci n’a pas été envoyé. Ce que vous avez écrit est toujours là : renvoyez-le dans { $minutes } minute.
   *[other] Un très grand nombre d’envois sont partis de votre réseau (votre immeuble, votre campus ou votre fournisseur d’accès) au cours de la dernière heure, donc ceci n’a pas été envoyé. Ce que vous avez écrit est toujours là : renvoyez-le dans { $minutes } minutes.
}
error-busy = Trop de personnes envoient en ce moment, vos mots n’ont donc pas encore été envoyés. Ils sont toujours là : réessayez dans une minute.
error-storage-full = Ce site ne peut rien enregistrer de nouveau pour le moment : son stockage est presque plein et l’équipe organisatrice doit libérer de la place. Vos mots n’ont pas été envoyés et sont toujours là ; réessayez plus tard.
error-not-open-kept = Ce site n’accepte pas encore de témoignages : l’équipe organisatrice n’a pas fini de le préparer. Vos mots n’ont pas été envoyés et sont toujours là.
error-internal-kept = Quelque chose s’est mal passé de notre côté (code d’erreur { $error }). Vos mots n’ont pas été envoyés et sont toujours là ; réessayez plus tard.
error-code-busy = { $minutes ->
    [one] Beaucoup d’ajouts ont été faits avec ce code au cours de la dernière heure, donc ceci n’a pas été envoyé. Ce que vous avez écrit est toujours dans la zone de texte : renvoyez-le dans { $minutes } minute.
   *[other] Beaucoup d’ajouts ont été faits avec ce code au cours de la dernière heure, donc ceci n’a pas été envoyé. Ce que vous avez écrit est toujours dans la zone de texte : renvoyez-le dans { $minutes } minutes.
}
error-thread-full = Ce témoignage contient déjà autant d’ajouts que possible. L’équipe peut lire tout ce que vous avez ajouté jusqu’ici. S’il y a plus à dire, vous pouvez envoyer un nouveau témoignage depuis la page « Dire moi aussi » (ce que vous avez écrit ici reste dans la zone de texte, à copier).
error-code-unknown-word = Nous n’avons rien pu ouvrir avec ce code. Le mot { $n } ne fait pas partie des mots qui composent les codes : vérifiez son orthographe.
error-code-word-count = Nous n’avons rien pu ouvrir avec ce code, car aucun code ne compte ce nombre de mots : { $n }. Vérifiez s’il manque un mot ou s’il y en a un de trop.
error-code-not-found = Nous n’avons rien pu ouvrir avec ce code. Vérifiez chaque mot. Si le témoignage a été retiré, plus rien ne peut être trouvé.
error-nothing-to-add = Il n’y avait rien à ajouter.
notice-added = Ajouté. L’équipe le verra avec ce que vous avez écrit avant.
error-withdraw-confirm = Pour retirer votre témoignage, cochez la case qui le confirme ; rien n’a été supprimé.
status-new = Reçu. L’équipe ne l’a pas encore lu.
status-in-progress = L’équipe s’en occupe.
status-resolved = L’équipe a fini de s’en occuper.
status-read = Lu par l’équipe.

## Dates : « 1er décembre 2026 » (le code doit passer $day comme nombre pour que [1] s’applique)
date-long = { $day ->
    [1] 1er
   *[other] { $day }
} { $month } { $year }
month-1 = janvier
month-2 = février
month-3 = mars
month-4 = avril
month-5 = mai
month-6 = juin
month-7 = juillet
month-8 = août
month-9 = septembre
month-10 = octobre
month-11 = novembre
month-12 = décembre

## Chiffres
counts-title = Combien de fois « moi aussi » a été dit
counts-published = Publié le { $when }.
counts-none-yet = Aucun chiffre n’a encore été publié. Ils sont publiés à heures fixes, pas au fil des témoignages.
counts-policy-received = Sont comptés : tous les témoignages reçus, moins les envois que l’équipe a identifiés comme spam et ceux que les personnes ont retirés.
counts-policy-reviewed = Sont comptés : les témoignages que l’équipe d’accompagnement a lus et examinés.
counts-noise = Pour qu’il soit impossible de repérer qui que ce soit — même en inondant ce site de ses propres témoignages —, chaque chiffre porte un peu de bruit aléatoire, tiré une fois puis conservé : le total est à environ ±{ $total } du vrai chiffre et chaque semaine à ±{ $week } (95 % du temps).
counts-noise-kinds = Chaque type est à environ ±{ $kinds }.
counts-noise-tail = Le total change au plus une fois par jour. (Confidentialité différentielle, ε = { $epsilon }.)
counts-rounding = Les chiffres sont arrondis au multiple de { $n } inférieur, et ceux qui sont inférieurs à { $n } s’affichent « moins de { $n } ».
fewer-than = moins de { $n }
counts-by-week = Par semaine
counts-week-caption = Témoignages reçus par semaine close (les mêmes chiffres que le graphique)
counts-week-col = Semaine
counts-statements-col = Témoignages
counts-no-weeks = Aucune semaine close n’a encore été publiée.
counts-by-kind = Par type
counts-kind-caption = On pouvait en choisir plusieurs, ou aucun.
counts-kind-caption-noise = Chaque témoignage compte dans l’un des types qu’il nomme (tiré au hasard s’il en nomme plusieurs). Mis à jour toutes les quatre semaines.
counts-kind-col = Type
counts-pledges = Engagements à agir jusqu’ici : { $n }.
counts-add-pledge = Ajoutez le vôtre.
counts-share = Partager
counts-embed = Affichez le chiffre en direct sur votre propre site (il ne charge rien d’autre) :
counts-badge-alt = Moi aussi : nombre de témoignages
counts-json = Les mêmes chiffres en JSON
date-time = { $date } à { $time } UTC

## Je m’engage
pledge-title = Je m’engage
pledge-lead = « Moi aussi » a montré l’ampleur du problème. « Je m’engage » est la réponse : une promesse d’agir. Les engagements sont comptés comme les témoignages — anonymement, et publiés en totaux arrondis.
pledge-so-far = Jusqu’ici : { $n } engagements.
pledge-error-cross-site = Ce formulaire a été envoyé depuis un autre site, donc rien n’a été envoyé. Si c’était vous, utilisez les boutons de cette page.
pledge-error-field = Le formulaire est arrivé avec un champ qu’il n’a pas. Utilisez les boutons de cette page.
pledge-error-unknown = Cet engagement ne fait pas partie des choix proposés. Choisissez l’un des boutons.
pledge-error-busy = Énormément de personnes s’engagent en ce moment. Réessayez dans une minute.
pledge-error-storage-full = Ce site ne peut rien enregistrer de nouveau pour le moment : son stockage est presque plein. Réessayez plus tard.
pledged-title = Merci.
pledged-choice = Votre engagement — « { $pledge } » — a été reçu.
pledged-plain = Votre engagement a été reçu.
pledged-when = Il apparaîtra dans les chiffres lors de la prochaine publication.
pledge-speak_up = Je prendrai la parole quand je serai témoin de harcèlement
pledge-believe = Je croirai les personnes qui ont subi des violences sexuelles
pledge-consent = Je respecterai toujours le consentement

## Trouver de l’aide
resources-title = Trouver de l’aide
resources-lead = Si vous êtes en danger maintenant, appelez le numéro d’urgence local. Ces services écoutent, vous croient, et ne vous obligeront à rien que vous ne vouliez pas.
resource-1-name = RAINN, ligne nationale contre les agressions sexuelles (États-Unis)
resource-1-description = Soutien gratuit et confidentiel, 24 heures sur 24.
resource-2-name = Rape Crisis (Angleterre et pays de Galles)
resource-2-description = Ligne d’écoute gratuite 24 h/24 et 7 j/7 pour toute personne de 16 ans ou plus.
resource-3-name = Services d’urgence
resource-3-description = Si vous êtes en danger maintenant, appelez le numéro d’urgence local.
counts-what = Chaque chiffre compte des témoignages, pas des personnes : n’importe qui peut dire « moi aussi » une fois ou plus, et beaucoup de personnes ne le disent jamais.
counts-what-since = Chaque chiffre compte des témoignages, pas des personnes : n’importe qui peut dire « moi aussi » une fois ou plus, et beaucoup de personnes ne le disent jamais. Compté depuis la semaine du { $since }.
counts-week-of = Semaine du { $date }
counts-legend = Un contour en pointillés marque une semaine à moins de { $n }.
counts-embed-label = Code pour afficher le chiffre
badge-label = moi aussi
counts-share-description = Des personnes ayant subi du harcèlement sexuel ou une agression sexuelle disent « moi aussi » ; leurs témoignages sont comptés sans nommer personne.
counts-chart-title = Témoignages reçus par semaine
counts-chart-desc = Diagramme en barres des dernières semaines closes, chaque barre avec son chiffre ; le tableau ci-dessous liste toutes les semaines.
date-short = { $day ->
    [1] 1er
   *[other] { $day }
} { $month }
month-short-1 = janv.
month-short-2 = févr.
month-short-3 = mars
month-short-4 = avr.
month-short-5 = mai
month-short-6 = juin
month-short-7 = juil.
month-short-8 = août
month-short-9 = sept.
month-short-10 = oct.
month-short-11 = nov.
month-short-12 = déc.
counts-total-includes = Le total compte aussi les jours de cette semaine jusqu’ici ; les semaines ci-dessous sont seulement celles qui sont terminées.

## Pages d’erreur
error-title-unreadable = Nous n’avons pas pu le lire
error-title-login = Connectez-vous
error-login-message = Votre session est terminée, ou aucune session n’est ouverte. Reconnectez-vous.
error-title-refused = Demande refusée
error-cross-site-message = Ce formulaire a été envoyé depuis un autre site, il a donc été refusé.
error-title-not-found = Page introuvable
error-not-found-message = Il n’y a pas de page à cette adresse. Les liens ci-dessous vous ramènent sur le site.
error-title-not-available = Indisponible
error-not-available-message = Cette page ne s’utilise pas ainsi. Utilisez les liens de la page.
error-title-too-large = Trop long pour être reçu
error-too-large-message = Ce qui a été envoyé dépasse ce que ce site accepte, donc rien n’a été enregistré. Un témoignage peut contenir jusqu’à 20 000 caractères. Ce que vous avez écrit est toujours dans le formulaire : utilisez le bouton Retour de votre navigateur pour y revenir et le raccourcir.
error-title-timeout = Délai dépassé
error-timeout-message = Le formulaire est arrivé trop lentement, donc rien n’a été enregistré. Revenez en arrière et renvoyez-le.
error-unsupported-message = Utilisez le formulaire de ce site ; rien n’a été enregistré.
error-title-check = Vérifiez le formulaire
error-title-busy = Très chargé en ce moment
error-busy-message = Trop de personnes utilisent le site en ce moment, et rien n’a été enregistré. Réessayez dans une minute.
error-title-internal = Quelque chose s’est mal passé
error-internal-message = Rien de ce que vous avez envoyé n’a été enregistré. Réessayez plus tard. Si vous prévenez l’équipe organisatrice, mentionnez le code d’erreur { $incident }.
error-login-again = Se reconnecter
error-back-to-start = Retour à l’accueil

## Refus : pourquoi un formulaire ou un lien n’a pas été accepté (équipe et pages communes)
err-bad-credentials = Ces informations ne correspondent pas.
err-admins-only = Cette page est réservée au rôle d’administration.
err-totp-secret-changed = Le secret d’authentification du formulaire a été modifié. Recommencez à partir du lien.
err-form-unknown-field = Le formulaire a été envoyé avec un champ qu’il n’a pas. Utilisez le formulaire de cette page.
err-form-incomplete = Le formulaire n’est pas arrivé en entier. Renvoyez-le.
err-form-encoding = Le formulaire est arrivé dans un encodage que nous ne pouvons pas lire, donc rien n’a été enregistré. Utilisez le formulaire de ce site.
err-page-link = Ce lien de page n’est pas valide.
err-unknown-action = Filtre d’action inconnu.
err-username-too-long = Ce nom d’utilisateur est trop long.
err-export-format = Choisissez format=json ou format=csv.
err-unknown-status = Filtre d’état inconnu.
err-selected-id = L’identifiant d’un témoignage sélectionné n’est pas valide.
err-export-too-many = Sélectionnez au plus 100 témoignages, ou exportez-les tous.
err-export-none-ticked = Cochez d’abord les témoignages à exporter ; rien n’a été exporté.
err-choose-status = Choisissez l’un des états de la liste.
err-confirm-delete = Cochez la case pour confirmer la suppression ; rien n’a été supprimé.
err-confirm-first = Rien n’a été modifié. Cochez d’abord la case pour confirmer.
err-form-expired = Ce formulaire a expiré ou ne vient pas de ce site. Revenez en arrière, rechargez la page et réessayez.
err-day-format = Le jour doit avoir la forme 2026-12-01.
err-unknown-category = Filtre de type inconnu.
err-ticked-id = L’identifiant d’un témoignage coché n’est pas valide.
err-bulk-too-many = On peut modifier au plus 1 000 témoignages à la fois.
err-login-expired = Ce formulaire de connexion a expiré. Rechargez la page et réessayez.
err-choose-role = Choisissez un rôle : examen ou administration.
err-confirm-grant = Aucun accès n’a été donné. Comparez d’abord l’empreinte de clé avec celle qu’affiche la page d’inscription de la personne, puis cochez la case pour dire qu’elles correspondent.
err-confirm-disable = Aucun compte n’a été désactivé. Cochez la case pour confirmer : désactiver met fin à l’accès de la personne et renouvelle les clés.
err-totp-secret = Le secret d’authentification n’est pas valide.
err-username-format = Un nom d’utilisateur compte de 1 à 64 caractères : lettres non accentuées (a–z), chiffres, points, tirets ou tirets bas.
err-passphrase-short = Choisissez une phrase secrète d’au moins 15 caractères, comme les mots proposés.
err-passphrase-long = Cette phrase secrète est trop longue (1024 octets au plus).
err-totp-code = Ce code ne correspond pas. Vérifiez l’heure de votre téléphone, et saisissez les 6 chiffres que votre application d’authentification affiche maintenant.
err-no-epoch = Aucune clé de période n’existe encore.
err-note-empty = La note est vide.
err-note-long = Une note peut contenir jusqu’à 10 000 caractères.
err-note-control = La note contient des caractères de contrôle.
err-cannot-adjust = Vos clés ne peuvent pas ouvrir ce témoignage, ses chiffres ne peuvent donc pas être ajustés. Demandez l’accès à une personne ayant le rôle d’administration.
err-day-malformed = Le jour de ce témoignage est mal formé.
err-rotated-writing = Les clés ont changé pendant que vous écriviez (un renouvellement). Renvoyez-le.
err-no-receipt = Ce témoignage n’a pas de code, donc aucune réponse ne peut parvenir à la personne qui a témoigné.
err-no-recipients = Il n’y a personne à qui destiner une nouvelle clé de période : faites d’abord la mise en place.
err-rotated-granting = Les clés ont changé pendant que vous donniez l’accès (un renouvellement). Réessayez.
err-bulk-none-ticked = Cochez d’abord les témoignages à modifier ; rien n’a été modifié.
err-cannot-open = Vos clés ne peuvent pas ouvrir ce témoignage.
err-no-text = Un simple « moi aussi » n’a pas de texte à comparer, donc rien n’a été modifié.
err-no-invitation = Il n’y a pas d’invitation ouverte pour ce nom d’utilisateur.
err-username-taken = Quelqu’un a déjà ce nom d’utilisateur.
err-no-such-member = Aucune personne active de l’équipe ne porte ce nom.
err-disable-self = Vous ne pouvez pas vous désactiver vous-même.
err-last-admin = La dernière personne ayant le rôle d’administration ne peut pas être désactivée.
err-recovery-key = Cette clé de récupération n’appartient pas à cette installation.
account-language-unknown = Choisissez l’une des langues de la liste.

## Pages de l’équipe : toutes les pages
staff-nav = Équipe
staff-nav-inbox = Boîte de réception
staff-nav-admin = Équipe et clés
staff-nav-audit = Journal d’audit
staff-nav-export = Exporter
staff-nav-account = Votre compte
staff-nav-logout = Déconnecter { $username }
staff-session-kept = Si elle se termine pendant que vous écrivez une note ou une réponse, vos mots sont conservés.
session-ends-in = Votre session se termine dans { $left }.
session-ends-idle = Votre session se termine après { $idle } sans activité, et dans { $left } au plus tard.
span-minutes = { $m } min
span-hours = { $h } h
span-hours-minutes = { $h } h { $m } min
staff-clear-filters = Effacer les filtres
staff-show = Afficher
staff-newer = ← Plus récents
staff-older = Plus anciens →
staff-pages = Pages
staff-yes = oui
staff-no = non
staff-not-given = non précisé

## Votre compte
account-title = Votre compte
account-language-heading = Langue des pages de l’équipe
account-language-label = Afficher les pages de l’équipe en
account-language-default = La langue par défaut du site
account-language-save = Enregistrer la langue
account-language-saved = Enregistré. Les pages de l’équipe utilisent maintenant cette langue.
account-password-heading = Changer votre phrase secrète
account-password-current = Phrase secrète actuelle
account-password-new = Nouvelle phrase secrète
account-password-hint = Au moins 15 caractères. Une suggestion :
account-password-save = Changer la phrase secrète
account-password-changed = Votre phrase secrète a été changée. Utilisez la nouvelle dès votre prochaine connexion.
account-password-mismatch = Votre phrase secrète actuelle ne correspond pas.
triage-status-new = Nouveau
triage-status-read = Lu
triage-status-in_progress = En cours
triage-status-resolved = Résolu
triage-status-spam = Spam
format-json = JSON Lines
format-csv = CSV

## Boîte de réception
inbox-title = Boîte de réception
inbox-deleted = Le témoignage et ses notes ont été supprimés.
inbox-changed = { $n ->
    [one] { $n } témoignage modifié (une entrée dans le journal d’audit).
   *[other] { $n } témoignages modifiés (une entrée dans le journal d’audit).
}
inbox-none-left = Enregistré. Il ne reste aucun nouveau témoignage.
inbox-by-status = Filtrer par état
inbox-all = Tous
inbox-received-on = Reçu le
inbox-kind = Type
inbox-any-kind = Tous les types
inbox-with-text = Seulement avec un texte écrit
inbox-nothing = Rien ici.
inbox-caption = Les jours les plus récents d’abord. Au sein d’un jour, l’ordre est aléatoire : Chorus ne garde pas l’heure d’arrivée. L’ouverture d’un témoignage est enregistrée dans le journal d’audit.
inbox-select = Sélectionner
inbox-select-row = Sélectionner le témoignage reçu le { $day }
inbox-col-received = Reçu
inbox-col-status = État
inbox-col-code = Code
inbox-col-beginning = Début
inbox-code-yes = { "\u202F" }: les réponses parviennent à la personne qui a témoigné
inbox-bulk-legend = Les témoignages cochés (une avalanche se traite une page à la fois ; une entrée d’audit à chaque fois)
inbox-bulk-status = Leur donner l’état
inbox-bulk-change = Modifier les témoignages cochés
inbox-export-legend = Exporter les témoignages cochés (déchiffrés ; enregistré dans le journal d’audit)
inbox-export-selected = Exporter la sélection…
inbox-none-match = Aucun ne correspond.
inbox-position = { $first }–{ $last } sur { $total }
inbox-scan-stopped = { $shown } trouvés parmi les { $read } témoignages lus jusqu’ici (chaque page en lit au plus { $max }). Continuez la recherche avec « Plus anciens ».
inbox-scan-done = { $shown } affichés ; { $read } témoignages ont été lus pour les trouver.
inbox-me-too = (« moi aussi », sans texte)

## Un témoignage
testimony-title = Témoignage
testimony-heading = Témoignage reçu le { $day }
testimony-status = État
testimony-kind = Type
testimony-where = Où
testimony-consent = Publication d’un extrait permise
testimony-consent-yes = oui, anonymisé
testimony-spam-hint = Un témoignage marqué comme spam sort des chiffres publics à la prochaine publication.
testimony-save-status = Enregistrer l’état
testimony-save-next = Enregistrer et ouvrir le nouveau suivant
testimony-wrote = Ce qui a été écrit
testimony-me-too = Pas de texte : un « moi aussi ».
testimony-thread = Fil
testimony-thread-empty = Pas encore de note, d’ajout ni de réponse.
testimony-earlier = Messages précédents
testimony-latest = Derniers messages
testimony-note-heading = Note interne
testimony-note-badge = équipe seulement
testimony-note-label = Note pour l’équipe (mise sous clé comme le témoignage ; la personne qui a témoigné ne la voit jamais)
testimony-note-add = Ajouter une note interne
testimony-reply-heading = Répondre à la personne qui a témoigné
testimony-reply-badge = sort de l’équipe
testimony-reply-label = Votre réponse à la personne qui a témoigné
testimony-reply-warning = Quiconque détient le code de cette personne lit ceci
testimony-reply-hint = — en général la personne qui a témoigné, mais peut-être quelqu’un qui lui a pris son code. N’écrivez rien qui la mettrait en danger si quelqu’un d’autre le lisait, ni rien qui ne soit destiné qu’à l’équipe.
testimony-reply-send = Envoyer la réponse à la personne qui a témoigné
testimony-no-code = La personne n’a pas demandé de code, donc aucune réponse ne peut lui parvenir.
testimony-flood-heading = Une avalanche du même texte ?
testimony-flood-confirm = Marquer comme spam chaque témoignage reçu le { $day } avec exactement ce texte (jusqu’à 1 000 à la fois ; une entrée dans le journal d’audit)
testimony-flood-button = Marquer toutes les copies comme spam
testimony-delete-heading = Supprimer
testimony-delete-confirm = Supprimer définitivement ce témoignage et son fil (les chiffres déjà publiés restent ; les copies dans les sauvegardes disparaissent à mesure que ces sauvegardes expirent)
testimony-delete-button = Supprimer
message-heading-note = Note de l’équipe
message-heading-follow_up = Ajouté par la personne qui a témoigné
message-heading-reply = Réponse à la personne qui a témoigné
message-readers-note = équipe seulement — la personne qui a témoigné ne la voit jamais
message-readers-follow_up = de la part de quiconque détient le code de la personne
message-readers-reply = envoyée à quiconque détient le code de la personne

## Une session terminée pendant que quelqu’un écrivait
ended-title = votre session est terminée
ended-heading-note = Votre session est terminée, votre note n’a donc pas été envoyée
ended-heading-reply = Votre session est terminée, votre réponse n’a donc pas été envoyée
ended-intro = Les sessions se terminent après un moment sans activité, pour protéger les témoignages si un écran reste ouvert. Ce que vous avez écrit est ci-dessous : copiez-le, reconnectez-vous, ouvrez le témoignage et collez-le.
ended-label-note = Votre note, non envoyée
ended-label-reply = Votre réponse, non envoyée
ended-login = Se reconnecter (dans un nouvel onglet)
ended-hint = Se connecter dans un nouvel onglet garde cette page, et vos mots, ouverts ici.

## Équipe et clés
role-admin = administration
role-reviewer = examen
admin-title = Équipe et clés
admin-staff-caption = Toutes les personnes qui ont, ou ont eu, un accès. Une personne nouvellement inscrite ne peut rien lire tant qu’une personne ayant le rôle d’administration ne lui a pas donné l’accès.
admin-col-username = Nom d’utilisateur
admin-col-role = Rôle
admin-col-state = État
admin-col-fingerprint = Empreinte de clé
admin-col-actions = Actions
admin-col-action = Action
admin-col-until = Ouverte jusqu’au
admin-state-disabled = compte désactivé
admin-state-locked = compte bloqué pour le moment
admin-state-active = compte actif
admin-state-waiting = en attente d’accès
admin-grant-compared = { $username } m’a lu son empreinte, et elle correspond à
admin-grant = Donner l’accès
admin-disable-confirm = Désactiver { $username } : son accès prend fin et les clés sont renouvelées
admin-disable = Désactiver
admin-grant-hint = Avant de donner l’accès, demandez à la personne de vous lire l’empreinte de clé affichée sur sa page d’inscription (par téléphone ou en personne, pas par e-mail), et comparez-la avec celle ci-dessus.
admin-invitations = Invitations ouvertes
admin-invitations-none = Aucune : chaque invitation a été utilisée, retirée ou a expiré.
admin-invitations-caption = Liens pas encore utilisés. Retirez-en un s’il a pu parvenir à la mauvaise personne.
admin-withdraw = Retirer
admin-invite-heading = Inviter quelqu’un
admin-invite-username = Son nom d’utilisateur
admin-role-reviewer-hint = Examen : lire et trier les témoignages
admin-role-admin-hint = Administration : en plus, gérer l’équipe, les clés et les exports
admin-invite-create = Créer un lien d’invitation
admin-keys = Clés
admin-keys-text = Renouveler les clés crée une nouvelle clé de période pour tout ce qui est envoyé à partir de maintenant. Désactiver quelqu’un les renouvelle automatiquement.
admin-rotate = Renouveler les clés maintenant
admin-settings = Réglages en vigueur
admin-settings-hint = Définis dans chorus.toml ou par des variables CHORUS_* ; un redémarrage applique les changements.
admin-min-cell = Plus petit chiffre publié
admin-interval = Intervalle de publication
admin-seconds = { $n ->
    [one] { $n } seconde
   *[other] { $n } secondes
}
admin-retention = Conservation
admin-categories = Types
admin-done-granted = Accès donné. Comparez l’empreinte de clé avec celle qui a été montrée à la personne.
admin-done-disabled = Compte désactivé. Ses clés n’ouvrent plus rien de nouveau : une nouvelle clé de période est en usage.
admin-done-rotated = Une nouvelle clé de période est en usage pour tout ce qui est envoyé à partir de maintenant.
admin-done-revoked = L’invitation est retirée : son lien n’ouvre plus rien.
invited-title = Invitation
invited-heading = Invitation pour { $username }
invited-text = Donnez ce lien à { $username } par un moyen de confiance. Il fonctionne une fois, pendant 24 heures, et ne sera plus affiché.
invited-then = Quand la personne aura choisi une phrase secrète, revenez sur cette page pour lui donner l’accès :

## Journal d’audit
audit-title = Journal d’audit
audit-intact = { $n ->
    [one] La chaîne ({ $n } entrée) est intacte.
   *[other] La chaîne de ses { $n } entrées est intacte.
}
audit-broken = La chaîne est ROMPUE à l’entrée { $seq } (entrée attendue : { $expected }).
audit-head = Valeur de hachage (hash) de l’entrée la plus récente (notez-la ailleurs de temps en temps ; une vérification ultérieure qui s’arrête ailleurs montre que des entrées ont été coupées à la fin) :
audit-what = Chaque connexion, déchiffrement, export, suppression et opération sur les clés par l’équipe. Les actions des personnes qui témoignent ne sont jamais enregistrées.
audit-filter-action = Quoi
audit-everything = Tout
audit-filter-actor = Qui (nom d’utilisateur)
audit-summary = Entrées { $first } à { $last }, les plus récentes d’abord ; { $total } correspondent en tout.
audit-none = Aucune entrée ne correspond.
audit-col-when = Quand (UTC)
audit-col-who = Qui
audit-col-what = Quoi
audit-col-detail = Détail
audit-when = { $date }, { $time }

## Export
export-title = Exporter
export-heading = Exporter les témoignages
export-warning-strong = Le fichier contient les témoignages déchiffrés, en clair.
export-warning = Quiconque l’obtient peut en lire chaque mot, et une fois qu’il a fuité, plus rien ne peut être repris. Enregistrez-le uniquement sur un disque chiffré que vous contrôlez — jamais dans un dossier partagé, synchronisé ou dans le cloud, jamais en pièce jointe d’un e-mail — et supprimez-le quand vous avez fini. L’export est enregistré dans le journal d’audit avec votre nom.
export-selected = { $n ->
    [one] Quoi : { $n } témoignage coché dans la boîte de réception.
   *[other] Quoi : les { $n } témoignages cochés dans la boîte de réception.
}
export-what = Quoi
export-every = Tous les témoignages
export-only = Seulement ceux à l’état « { $status } »
export-format = Format
export-format-json = JSON Lines (un témoignage par ligne)
export-format-csv = CSV (pour un tableur)
export-download = Télécharger le fichier déchiffré
export-back = Revenir à la boîte de réception sans exporter

## Connexion de l’équipe
login-title = Connexion de l’équipe
login-failed = Cela n’a pas fonctionné. Vérifiez votre nom d’utilisateur, votre phrase secrète et le code de votre application d’authentification. Chaque code ne fonctionne qu’une fois : si vous venez de créer votre compte ou de vous connecter, attendez que votre application affiche le code suivant. Après plusieurs tentatives échouées, un compte est bloqué pendant un moment.
login-username = Nom d’utilisateur
login-passphrase = Phrase secrète
login-code = Code de votre application d’authentification
login-code-hint = Six chiffres, ou l’un de vos codes de récupération à usage unique.
login-button = Se connecter
login-sessions = { $minutes ->
    [one] Se connecter déverrouille les témoignages pour cette session seulement. Les sessions se terminent après { $minutes } minute sans activité, et quand le serveur redémarre.
   *[other] Se connecter déverrouille les témoignages pour cette session seulement. Les sessions se terminent après { $minutes } minutes sans activité, et quand le serveur redémarre.
}

## Rejoindre : la mise en place du premier compte d’administration, et une invitation
enrol-passphrase-hint = Au moins 15 caractères. Une suggestion, tirée à l’instant :
enrol-passphrase-again = La même phrase secrète, une seconde fois
enrol-passphrase-again-hint = Une faute de frappe ici vous priverait de votre clé pour toujours : personne ne peut la réinitialiser.
enrol-authenticator = Application d’authentification
enrol-add-here = L’ajouter à une application d’authentification sur cet appareil
enrol-add-here-note = (si l’application est sur le téléphone ou l’ordinateur qui affiche cette page)
enrol-code = Le code à 6 chiffres que l’application affiche maintenant
err-passphrases-differ = Les deux phrases secrètes n’étaient pas identiques, donc rien n’a été mis en place. Saisissez de nouveau votre phrase secrète dans les deux champs (le code d’authentification reste le même).
invite-title = Rejoindre
invite-heading = Bienvenue, { $username }
invite-intro = Choisissez une phrase secrète et connectez une application d’authentification. Votre phrase secrète déverrouille votre propre clé ; elle n’est jamais enregistrée, et personne ne peut la réinitialiser. Ensuite, une personne ayant le rôle d’administration vous donnera l’accès.
invite-scan = Scannez ce code, ou saisissez le secret ci-dessous dans votre application.
invite-join = Rejoindre
enrolled-title = Presque terminé
enrolled-heading = Presque terminé, { $username }
enrolled-fingerprint = L’empreinte de votre clé :
enrolled-tell = Communiquez-la, par téléphone ou en personne, à la personne qui vous a envoyé l’invitation : elle la compare avant de vous donner l’accès.
enrolled-codes-heading = Codes de récupération à usage unique — affichés seulement maintenant
enrolled-codes-text = Si vous perdez votre téléphone, chacun d’eux remplace une fois un code de l’application. Gardez-les en lieu sûr.
enrolled-login = Aller à la page de connexion
closed-title = lien non valide
closed-heading = Ce lien de mise en place n’est pas valide
closed-already = Ce site a déjà été mis en place.
closed-expired = Les liens de mise en place fonctionnent une fois et expirent au bout de 24 heures. Redémarrez le serveur pour en afficher un nouveau.
closed-go = Aller sur le site
setup-title = Mise en place
setup-heading = Mettre en place le premier compte d’administration
setup-intro = Ce lien fonctionne une fois. Vous choisirez un nom d’utilisateur et une phrase secrète, connecterez une application d’authentification, puis verrez une clé de récupération une seule fois. Votre phrase secrète déverrouille votre clé ; elle n’est jamais enregistrée, et personne ne peut la réinitialiser.
setup-username-hint = Lettres non accentuées (a–z), chiffres, points, tirets ou tirets bas.
setup-passphrase-hint = Au moins 15 caractères. Une suggestion, tirée à l’instant et affichée pour vous uniquement :
setup-scan = Scannez ce code avec une application d’authentification (par exemple Aegis, FreeOTP ou Google Authenticator), ou saisissez-y le secret ci-dessous.
setup-button = Mettre en place
setup-done-title = Mise en place terminée
setup-done-heading = Chorus est prêt
setup-done-lead = Le compte d’administration { $username } est en place, et le site accepte maintenant les témoignages.
setup-done-fingerprint = L’empreinte de votre clé :
setup-done-key-heading = Votre clé de récupération — affichée cette seule fois
setup-done-key-text = Imprimez-la ou notez-la, et gardez-la hors ligne, en lieu sûr. Elle n’est enregistrée nulle part. Si toutes les personnes ayant le rôle d’administration perdent leur phrase secrète, c’est le seul moyen de revenir ; quiconque l’a avec une copie de la base de données peut lire chaque témoignage, alors protégez-la comme les témoignages eux-mêmes.
setup-done-written = J’ai noté ou imprimé la clé de récupération, et je la garde hors ligne
setup-done-continue = Continuer vers la connexion de l’équipe

## Chiffres signés, et une fédération de compteurs
counts-signed-heading = Chiffres signés
counts-signed-text = Chaque publication est signée avec la clé de ce site et désigne la précédente : tout le monde peut ainsi vérifier que ces chiffres viennent d’ici et qu’aucune publication antérieure n’a été réécrite.
counts-signed-link = Chiffres signés
counts-history-link = Toutes les publications jusqu’ici
counts-signed-key = Clé de publication
counts-signed-fingerprint = Son empreinte
federation-title = Les chiffres de nombreuses campagnes
federation-lead = { $members ->
    [one] témoignages, issus de { $members } campagne dont les chiffres signés sont vérifiés.
   *[other] témoignages, issus de { $members } campagnes dont les chiffres signés sont vérifiés.
}
federation-how = Chaque campagne gère son propre site et publie ses propres chiffres, signés. Ce site les récupère, vérifie chaque signature et qu’aucune campagne n’a réécrit son historique ni ressorti une ancienne publication, puis additionne ceux qui sont vérifiés. Aucun témoignage ne quitte jamais la campagne qui l’a reçu.
federation-privacy = Additionner des chiffres déjà publiés ne révèle rien de nouveau : les chiffres de chaque campagne sont déjà arrondis et bruités, il est donc impossible de repérer qui que ce soit dans la somme.
federation-witnessed = { $n ->
    [one] Les chiffres de chaque campagne sont aussi vérifiés dans son journal public, qu’au moins un témoin doit avoir contresigné. Un témoin ne contresigne un journal que s’il prolonge tout ce qu’il en a vu auparavant : une campagne ne peut donc pas montrer une histoire ici et une autre ailleurs sans être prise. Cela prouve ce que chaque campagne a publié, pas que ses chiffres sont vrais.
   *[other] Les chiffres de chaque campagne sont aussi vérifiés dans son journal public, qu’au moins { $n } témoins doivent avoir contresigné. Un témoin ne contresigne un journal que s’il prolonge tout ce qu’il en a vu auparavant : une campagne ne peut donc pas montrer une histoire ici et une autre ailleurs sans être prise. Cela prouve ce que chaque campagne a publié, pas que ses chiffres sont vrais.
}
federation-left-out = { $n ->
    [one] { $n } campagne est pour l’instant laissée hors de la somme (voir ci-dessous).
   *[other] { $n } campagnes sont pour l’instant laissées hors de la somme (voir ci-dessous).
}
federation-below-min = { $n ->
    [one] { $n } campagne comptée dans la somme est sous son plus petit chiffre publié : elle n’ajoute donc encore rien.
   *[other] { $n } campagnes comptées dans la somme sont sous leur plus petit chiffre publié : elles n’ajoutent donc encore rien.
}
federation-none-yet = Aucune campagne n’a encore été vérifiée.
federation-checked = Dernière vérification le { $when }.
federation-caption = Les derniers chiffres vérifiés de chaque campagne.
federation-col-campaign = Campagne
federation-col-statements = Témoignages
federation-col-pledges = Engagements
federation-col-published = Publié
federation-col-state = État
federation-state-waiting = pas encore vérifiée
federation-state-ok = vérifiée, dans la somme
federation-state-stale = vérifiée, mais muette depuis des jours : écartée
federation-state-unreachable = injoignable : écartée
federation-state-failed = vérification échouée : écartée
federation-reason-timeout = elle n’a pas répondu à temps
federation-reason-connect = pas de connexion
federation-reason-http-status = elle a répondu par une erreur
federation-reason-too-large = sa réponse était trop volumineuse
federation-reason-not-json = sa réponse ne contenait pas de chiffres signés
federation-reason-signature = la signature ne correspond pas à sa clé
federation-reason-not-a-snapshot = ce qu’elle a signé n’est pas un ensemble de chiffres
federation-reason-replayed = elle a montré une publication plus ancienne qu’une autre déjà vue
federation-reason-rewritten = son historique a été réécrit
federation-reason-gap-too-long = trop de publications depuis la dernière vérification pour pouvoir les vérifier
federation-reason-future = ses chiffres sont datés dans le futur
federation-reason-time-backwards = son horloge a reculé depuis la dernière vérification
federation-reason-storage = ce site n’a pas pu enregistrer la vérification
federation-reason-implausible = un chiffre plus grand que ce qu’aucune campagne pourrait avoir (au-delà de la limite de ce site)
federation-reason-too-fast = ses chiffres ont augmenté plus vite que ce site ne l’accepte depuis leur dernière addition
federation-reason-quorum = son journal n’a pas été contresigné par assez de témoins de ce site
federation-reason-log-inconsistent = son journal ne prolonge pas celui vérifié auparavant
federation-reason-not-in-log = son instantané n’est pas la dernière entrée de son journal
federation-reason-stale = { $days ->
    [one] rien de nouveau depuis plus de { $days } jour
   *[other] rien de nouveau depuis plus de { $days } jours
}
federation-never = aucune vérifiée pour l’instant
federation-json = Ces chiffres en JSON
federation-share-description = Les témoignages comptés par des campagnes qui publient chacune des chiffres signés, additionnés.

## Casework: replies owed, assignment, labels, filters, alerts
inbox-needs-reply = À répondre
inbox-assigned-me = Attribués à moi
inbox-more-filters = Plus de filtres
inbox-language = Langue de la page
inbox-any-language = Toutes les langues
inbox-label = Étiquette
inbox-any-label = Toutes les étiquettes
inbox-assigned = Attribué à
inbox-anyone = N’importe qui
inbox-me = Moi
inbox-with-code = La personne qui a témoigné a gardé un code
inbox-select-all = Tout sélectionner sur cette page
inbox-select-none = Tout décocher
inbox-to-actions = Actions sur les témoignages cochés
inbox-col-kind = Type
inbox-col-language = Langue
inbox-col-assigned = Attribué à
inbox-col-labels = Étiquettes
inbox-awaits-reply = Attend une réponse
inbox-labels-sealed = (mises sous une clé que vous ne détenez pas)
inbox-nobody = Personne
inbox-assign-legend = Attribuer les témoignages cochés (une entrée dans le journal d’audit)
inbox-assign-to = Attribuer à
inbox-assign-button = Attribuer les témoignages cochés
inbox-label-legend = Étiqueter les témoignages cochés (les étiquettes sont mises sous clé ; une entrée dans le journal d’audit)
inbox-label-text = Étiquette
inbox-label-add = Ajouter cette étiquette
inbox-label-remove = Retirer cette étiquette
testimony-awaits-reply = Le dernier message vient de la personne qui a témoigné, et personne n’y a encore répondu.
testimony-to-reply = Aller au formulaire de réponse
testimony-page-language = Envoyé depuis une page en
testimony-page-language-unknown = Non conservée (la personne n’a pas gardé de code)
testimony-assigned = Attribué à
testimony-assign-label = Qui s’occupe de ce témoignage
testimony-assign-save = Enregistrer
testimony-labels = Étiquettes
testimony-labels-hint = Décochez une étiquette pour la retirer ; saisissez les nouvelles ci-dessous. Les étiquettes sont mises sous clé comme les notes : seuls les membres de l’équipe qui ont les clés peuvent les lire.
testimony-label-new = Nouvelle étiquette { $n }
testimony-labels-save = Enregistrer les étiquettes
testimony-no-labels = Aucune
export-thread-hint = Chaque témoignage est accompagné de son fil : les ajouts de la personne qui a témoigné et les réponses qui lui ont été envoyées. Un fichier CSV indique seulement combien de messages contient chaque fil.
export-include-notes = Inclure les notes internes de l’équipe
audit-filter-testimony = Témoignage (son identifiant de 32 caractères)
audit-entry-title = Entrée d’audit { $seq }
audit-entry-open = Voir la liste
audit-entry-subjects = { $n ->
    [one] { $n } témoignage concerné
   *[other] { $n } témoignages concernés
}
audit-entry-subjects-hint = Chaque identifiant mène à toutes les entrées d’audit qui concernent ce témoignage.
audit-entry-none = Cette entrée ne concerne aucun témoignage.
audit-entry-back = Revenir au journal d’audit
alerts-heading = Alertes
alerts-none = Aucune alerte n’est configurée : l’équipe n’apprend l’arrivée de nouveaux témoignages qu’en se connectant. Définissez notify_smtp_url ou notify_webhook (voir la section « Alerts » du README).
alerts-channels = Envoyées par
alerts-channel-mail = e-mail
alerts-channel-webhook = webhook
alerts-next = Prochaine heure d’alerte (une alerte ne part que si quelque chose est arrivé)
alerts-last = Dernière alerte remise
alerts-never = Aucune depuis le démarrage du serveur
alerts-what = Une alerte dit seulement que quelque chose attend et où se connecter : jamais un témoignage, un type, un identifiant ni un mot d’un code.
alerts-failing = Les alertes par { $channel } échouent depuis le { $since } : { $reason } (tentatives : { $attempts }). Elles sont retentées jusqu’à la prochaine heure d’alerte.
alerts-see = Voir les alertes
alerts-failure-setup = les réglages n’ont pas pu être utilisés
alerts-failure-connect = aucune connexion n’a pu être établie
alerts-failure-tls = la connexion sécurisée a échoué
alerts-failure-timeout = le serveur a mis trop de temps à répondre
alerts-failure-refused = le serveur a refusé le message ou l’authentification
alerts-failure-deferred = le serveur a demandé de réessayer plus tard
alerts-failure-http = le webhook a répondu par l’erreur { $code }
notify-subject = Quelque chose attend sur { $site }
notify-waiting = Du nouveau attend l’équipe sur { $site }.
notify-counts = Nouveaux témoignages depuis la dernière alerte : { $statements }. Ajouts à des témoignages : { $followups }.
notify-where = Connectez-vous pour le lire : { $url }
notify-why-so-little = Cette alerte n’en dit volontairement pas plus : ce qui a été écrit ne peut être lu qu’après connexion.
err-assign-unknown = Aucune personne active de l’équipe ne porte ce nom.
err-audit-testimony = L’identifiant d’un témoignage compte 32 caractères : chiffres de 0 à 9 et lettres de a à f.
err-label-control = Une étiquette ne peut pas contenir de caractères de contrôle.
err-label-empty = Saisissez d’abord l’étiquette.
err-label-long = Une étiquette peut compter au plus 40 caractères.
err-labels-many = Un témoignage peut porter au plus 12 étiquettes.
err-labels-no-key = Les étiquettes ne peuvent pas être modifiées dans cette session : elle ne détient pas la clé la plus récente. Demandez à une personne ayant le rôle d’administration de vous y donner accès.
err-unknown-language = Ce n’est pas une langue de ce site.
err-unknown-needs = Filtre inconnu.

## Sécurité des personnes qui témoignent : quitter le site, un formulaire enregistré une seule fois, votre sécurité sur cet appareil, prochains chiffres
received-already = Ceci avait déjà été reçu : rien de nouveau n’a été enregistré. (Le même formulaire a été envoyé une seconde fois, par exemple en revenant en arrière.)
nav-safety = Votre sécurité
safety-link = Votre sécurité sur cet appareil
safety-title = Votre sécurité sur cet appareil
safety-lead = Ce que vous faites ici peut laisser des traces sur le téléphone ou l’ordinateur que vous utilisez. Voici ce que Chorus fait à ce sujet, ce qu’il ne peut pas faire et ce que vous pouvez faire.
safety-leave-heading = « Quitter ce site »
safety-leave-does = Le bouton rouge en haut de chaque page vous emmène aussitôt vers une page météo. Au passage, il demande à votre navigateur d’oublier les pages de ce site qu’il garde pour le bouton Retour : Retour n’affiche alors rien de ce que vous avez écrit ou reçu, et ne renvoie rien. Avec JavaScript activé, appuyer trois fois sur Maj produit le même effet.
safety-leave-cannot = Il ne peut pas effacer votre historique de navigation, les autres onglets ouverts, les captures d’écran ni un code que vous avez noté. Si quelqu’un d’autre peut consulter cet appareil, supprimez aussi ce site de l’historique, ou utilisez une fenêtre de navigation privée.
safety-history-heading = Historique de navigation
safety-history = L’historique de votre navigateur liste les sites que vous avez visités, y compris celui-ci. Vous pouvez en supprimer des entrées une à une : ouvrez le menu du navigateur, puis Historique, trouvez ce site et supprimez-le. Tout effacer d’un coup peut en soi paraître inhabituel à quelqu’un qui vérifie.
safety-private-heading = Fenêtres de navigation privée
safety-private = Une fenêtre de navigation privée (« incognito ») ne garde ni historique, ni cookies, ni saisies de formulaire une fois fermée. Elle ne cache pas votre visite à votre fournisseur d’accès à internet, au réseau de votre lieu de travail ou d’études, ni à un logiciel de surveillance installé sur l’appareil.
safety-shared-heading = Téléphones et ordinateurs partagés ou surveillés
safety-shared = Si quelqu’un d’autre utilise cet appareil, connaît son code de déverrouillage ou a pu y installer un logiciel de surveillance (« stalkerware »), cette personne peut voir ce que vous écrivez ici. Si vous le pouvez, utilisez un appareil hors de sa portée — un ordinateur de bibliothèque, le téléphone d’une personne de confiance — et déconnectez-vous de tout ce que vous avez ouvert.
safety-tor-heading = Tor Browser
safety-tor = Tor Browser cache à votre réseau le site que vous visitez et ne garde aucun historique. Chorus y fonctionne entièrement, y compris au niveau de sécurité « Le plus sûr », avec JavaScript désactivé. Si cette campagne propose une adresse onion, c’est le moyen le plus confidentiel d’y accéder.
safety-code-heading = Votre code
safety-code = Si vous avez demandé un code, quiconque l’a peut lire les réponses de l’équipe, ajouter quelque chose à ce que vous avez écrit ou retirer votre témoignage. Conservez-le là où personne d’autre ne peut y accéder, ou ne le conservez pas : personne ne peut le retrouver pour vous, et votre témoignage reste de toute façon auprès de l’équipe.
safety-help = Trouver quelqu’un à qui parler
counts-next-html = Les prochains chiffres seront publiés le <time datetime="{ $datetime }">{ $when }</time>.
counts-day-closes = Les témoignages d’une journée sont comptés une fois cette journée terminée (UTC), lors de la première publication qui suit.
error-code-order = Ce sont bien les mots d’un code, mais pas dans le bon ordre. Saisissez-les dans l’ordre de leur numérotation.
receipt-numbered = Recopiez les mots dans cet ordre ; les majuscules, les accents et les espaces ne comptent pas.
# A shared link's title: the page title, then the total.
share-title = { $title } : { $total }
