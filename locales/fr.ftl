# Chorus, français. Les messages dont la clé finit par -html peuvent contenir un peu de
# balisage (<strong>, <a>) ; les autres s’affichent comme du texte.

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
nav-resources = Trouver de l’aide
nav-languages = Langues
footer-privacy = Ce site ne dépose aucun cookie chez ses visiteurs, ne charge rien d’ailleurs et n’enregistre jamais votre adresse.
error-prefix = Erreur :

## À propos de cette campagne
about-heading = À propos de cette campagne
kept-until-deleted = Les témoignages sont conservés jusqu’à ce que l’équipe les supprime.
kept-for-days = { $n ->
    [one] Les témoignages sont supprimés au bout de { $n } jour.
   *[other] Les témoignages sont supprimés au bout de { $n } jours.
}

## Page d’accueil
landing-title = Vous n’êtes pas seul·e.
landing-lead-html = Si vous avez subi du harcèlement ou une agression sexuelle, vous pouvez dire ici <strong>« moi aussi »</strong>, en racontant ce qui s’est passé ou non. Pas de nom, pas d’e-mail, pas de compte.
landing-button = Moi aussi
landing-more-html = Un seul geste suffit : il est compté, et rien d’autre n’est demandé. Si vous voulez en dire plus, vous pouvez <a href="{ $href }">en raconter autant ou aussi peu que vous le souhaitez</a>.
not-open = Ce site n’accepte pas encore de témoignages : ses organisateurs le préparent.
landing-what-happens = Ce que devient ce que vous envoyez
landing-locked = C’est verrouillé (chiffré) dès l’arrivée. Seule l’équipe d’accompagnement de cette campagne peut l’ouvrir.
landing-no-trace = Nous n’enregistrons jamais votre adresse IP, votre navigateur ni l’heure exacte : seulement le jour.
landing-totals = Le public ne voit que des totaux, avec un peu de bruit ajouté, pour que personne ne puisse être repéré.
landing-see-counts = Voir combien ont parlé
landing-find-help = Trouver de l’aide maintenant

## Le formulaire
submit-title = Dire moi aussi
submit-intro = Tout dans ce formulaire est facultatif. L’envoyer tel quel dit « moi aussi » et compte. Ce que vous écrivez est verrouillé dès l’arrivée ; seule l’équipe d’accompagnement de la campagne peut le lire.
submit-statement-label = Ce qui s’est passé, si vous voulez le raconter
optional = (facultatif)
optional-any = (facultatif, autant de choix que vous voulez)
statement-limit = Écrivez autant ou aussi peu que vous voulez, dans n’importe quelle langue. Si vous ne voulez pas que des noms soient lus, y compris le vôtre, laissez-les de côté. Jusqu’à { $n } caractères.
submit-categories = De quoi s’agissait-il ?
submit-setting = Où cela s’est-il passé ?
submit-setting-none = Je préfère ne pas le dire
submit-sharing = Partage
submit-consent = L’équipe peut publier un court extrait, après avoir retiré tout ce qui pourrait identifier quelqu’un.
submit-hearing-back = Avoir des nouvelles
submit-want-receipt = Donnez-moi un code pour revenir : lire les réponses, ajouter quelque chose ou retirer mon témoignage
submit-receipt-hint = Le code compte 8 mots et ne s’affiche qu’une fois. Nous ne le gardons pas : conservez-le en lieu sûr et privé.
submit-receipt-language = Avec un code, l’équipe voit aussi dans quelle langue était cette page, pour pouvoir vous répondre dans cette langue.
submit-send = Envoyer
submit-nothing-saved = Rien n’est enregistré avant que vous appuyiez sur Envoyer. Vous pouvez fermer cette page à tout moment.

## Reçu
received-title = Reçu
received-heading = Reçu. Merci.
received-story = Vos mots ont été reçus et mis sous clé. Seule l’équipe d’accompagnement de la campagne peut les lire.
received-me-too = Votre « moi aussi » a été reçu.
receipt-heading = Votre code pour revenir
receipt-write-down-html = <strong>Notez-le maintenant</strong>, sur papier ou là où vous seul·e pouvez le voir. Il ne s’affiche qu’une fois.
receipt-private-html = <strong>Gardez-le pour vous.</strong> Quiconque l’a peut lire les réponses, ajouter quelque chose à ce que vous avez écrit ou le retirer.
receipt-lost-html = <strong>Si vous le perdez, il n’y a pas de retour possible</strong> : nous ne le gardons pas, personne ne peut donc le retrouver ni le réinitialiser.
receipt-return-html = Avec lui, vous pouvez revenir sur <a href="{ $href }">la page de retour</a> pour voir les réponses, ajouter quelque chose ou retirer votre témoignage.
received-counted = Il comptera dans les chiffres publics lors de la prochaine publication, avec ceux de tout le monde, jamais seul.
received-not-your-fault-html = Quoi qu’il se soit passé, ce n’était pas votre faute. Si vous voulez parler à quelqu’un, <a href="{ $href }">ces services peuvent vous aider</a>.
received-see-counts = Voir les chiffres

## Revenir avec un code
return-title = Revenir
return-heading = Revenez avec votre code
return-intro = Si vous avez demandé un code en disant « moi aussi », saisissez ses 8 mots pour voir les réponses de l’équipe, ajouter quelque chose ou retirer ce que vous avez envoyé. Les majuscules, les espaces et la ponctuation ne comptent pas.
return-code-label = Votre code de 8 mots
return-open = Ouvrir
return-no-lookup = Nous ne gardons pas les codes : nous ne pouvons ni en retrouver un ni le renvoyer.

## Votre témoignage (avec un code)
thread-title = Votre témoignage
thread-not-shown = Ce que vous avez envoyé ne s’affiche pas ici : c’est verrouillé pour l’équipe depuis l’arrivée, et même votre code ne l’ouvre pas. Ainsi, quelqu’un qui trouverait votre code ne pourrait pas le lire non plus.
thread-received = Reçu le
thread-status = État
thread-replies = Réponses de l’équipe
thread-no-replies = Pas encore de réponse.
thread-add = Ajouter quelque chose
thread-add-label = Ce que vous voulez ajouter
thread-add-button = Ajouter
thread-withdraw = Retirer
thread-withdraw-explained = Retirer supprime ce que vous avez envoyé, vos ajouts et les réponses de l’équipe. Cela sort des chiffres publics à la prochaine publication. C’est définitif, et votre code n’ouvrira plus rien.
thread-withdraw-confirm = Oui, retirer mon témoignage
thread-withdraw-button = Retirer

## Retiré
withdrawn-title = Retiré
withdrawn-lead = Votre témoignage, vos ajouts et les réponses de l’équipe ont été supprimés.
withdrawn-counts = Il sort des chiffres publics à la prochaine publication. Votre code n’ouvre plus rien. Les copies dans les sauvegardes chiffrées des organisateurs disparaissent à mesure que ces sauvegardes expirent.
withdrawn-help-html = Si vous voulez parler à quelqu’un, <a href="{ $href }">ces services peuvent vous aider</a>.

## Choix intégrés (les libellés propres aux organisateurs les remplacent)
category-harassment = Harcèlement sexuel
category-assault = Agression sexuelle
category-rape = Viol
category-online = Violences en ligne ou diffusion d’images intimes
category-stalking = Traque (harcèlement obsessionnel)
category-other = Autre chose
setting-work = Au travail
setting-education = À l’école ou à l’université
setting-home = À la maison ou dans la famille
setting-public = Dans un lieu public
setting-online = En ligne
setting-other = Ailleurs

## Ce que disent les pages quand quelque chose est refusé (le texte est toujours gardé)
error-too-long = Ce que vous avez écrit dépasse { $n } caractères. Raccourcissez-le un peu ; rien n’a été envoyé.
error-control-character = Ce que vous avez écrit contient des caractères de contrôle invisibles que nous ne pouvons pas enregistrer. Retirez-les (coller en texte brut aide souvent) ; rien n’a été envoyé.
error-unknown-choice = L’un des choix envoyés ne figure pas dans ce formulaire. Choisissez de nouveau dans la liste ; rien n’a été envoyé.
error-unexpected-field = Le formulaire est arrivé avec un champ qu’il n’a pas, ou un champ en double. Utilisez le formulaire de cette page ; rien n’a été envoyé.
error-cross-site-kept = Ce formulaire a été envoyé depuis un autre site, donc rien n’a été envoyé. Si c’était vous, utilisez le formulaire de cette page : tout ce que vous avez écrit est toujours là.
notice-pressed-enter = Rien n’a encore été envoyé : la touche Entrée n’envoie pas ce formulaire. Tout ce que vous avez écrit et choisi est toujours là ; appuyez sur Envoyer quand vous êtes prêt·e.
error-network-busy = { $minutes ->
    [one] Énormément a été envoyé depuis votre réseau (votre immeuble, campus ou fournisseur) dans la dernière heure, donc ceci n’a pas été envoyé. Ce que vous avez écrit est toujours là : renvoyez-le dans { $minutes } minute.
   *[other] Énormément a été envoyé depuis votre réseau (votre immeuble, campus ou fournisseur) dans la dernière heure, donc ceci n’a pas été envoyé. Ce que vous avez écrit est toujours là : renvoyez-le dans { $minutes } minutes.
}
error-busy = Trop de personnes envoient en ce moment, vos mots n’ont donc pas encore été envoyés. Ils sont toujours là : réessayez dans une minute.
error-storage-full = Ce site ne peut rien enregistrer de nouveau pour le moment : son stockage est presque plein et ses organisateurs doivent libérer de la place. Vos mots n’ont pas été envoyés et sont toujours là ; réessayez plus tard.
error-not-open-kept = Ce site n’accepte pas encore de témoignages : ses organisateurs n’ont pas fini de le préparer. Vos mots n’ont pas été envoyés et sont toujours là.
error-internal-kept = Quelque chose s’est mal passé de notre côté (incident { $error }). Vos mots n’ont pas été envoyés et sont toujours là ; réessayez plus tard.
error-code-busy = { $minutes ->
    [one] Beaucoup a été ajouté avec ce code dans la dernière heure, donc ceci n’a pas été envoyé. Ce que vous avez écrit est toujours dans la zone de texte : renvoyez-le dans { $minutes } minute.
   *[other] Beaucoup a été ajouté avec ce code dans la dernière heure, donc ceci n’a pas été envoyé. Ce que vous avez écrit est toujours dans la zone de texte : renvoyez-le dans { $minutes } minutes.
}
error-thread-full = Ce témoignage contient déjà autant d’ajouts que possible. L’équipe peut lire tout ce que vous avez ajouté jusqu’ici. S’il y a plus à dire, vous pouvez envoyer un nouveau témoignage depuis la page « Dire moi aussi » (ce que vous avez écrit ici reste dans la zone de texte, à copier).
error-code-unknown-word = Nous n’avons rien pu ouvrir avec ce code. Le mot { $n } ne fait pas partie des mots qui composent les codes : vérifiez son orthographe.
error-code-word-count = Nous n’avons rien pu ouvrir avec ce code. Les codes ont 8 mots ; nous en avons trouvé { $n }.
error-code-not-found = Nous n’avons rien pu ouvrir avec ce code. Vérifiez chaque mot. Si le témoignage a été retiré, plus rien ne peut être trouvé.
error-nothing-to-add = Il n’y avait rien à ajouter.
notice-added = Ajouté. L’équipe le verra avec ce que vous avez écrit avant.
error-withdraw-confirm = Pour retirer votre témoignage, cochez la case qui le confirme ; rien n’a été supprimé.
status-new = Reçu. L’équipe ne l’a pas encore lu.
status-in-progress = L’équipe s’en occupe.
status-resolved = L’équipe a fini de s’en occuper.
status-read = Lu par l’équipe.

## Dates : « 1 décembre 2026 »
date-long = { $day } { $month } { $year }
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
counts-title = Combien ont dit moi aussi
counts-published = Publié le { $when }.
counts-none-yet = Aucun chiffre n’a encore été publié. Ils sont publiés à heures fixes, pas au fil des témoignages.
counts-policy-received = Sont comptés : tous les témoignages reçus, moins ce que l’équipe a jugé indésirable et ce que les personnes ont retiré.
counts-policy-reviewed = Sont comptés : les témoignages que l’équipe d’accompagnement a lus et examinés.
counts-noise = Pour que personne ne puisse être repéré — même par quelqu’un qui inonderait ce site de ses propres témoignages —, chaque chiffre porte un peu de bruit aléatoire, tiré une fois puis conservé : le total est à environ ±{ $total } du vrai chiffre et chaque semaine à ±{ $week } (95 % du temps).
counts-noise-kinds = Chaque type est à environ ±{ $kinds }.
counts-noise-tail = Le total change au plus une fois par jour. (Confidentialité différentielle, ε = { $epsilon }.)
counts-rounding = Les chiffres sont arrondis au multiple de { $n } inférieur, et ce qui est plus petit s’affiche « moins de { $n } ».
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
counts-pledges = Engagements à agir jusqu’ici : { $n }.
counts-add-pledge = Ajoutez le vôtre.
counts-share = Partager
counts-embed = Affichez le chiffre en direct sur votre propre site (il ne charge rien d’autre) :
counts-badge-alt = Moi aussi : combien ont parlé
counts-json = Les mêmes chiffres en JSON
date-time = { $date }, { $time } UTC

## Je m’engage
pledge-title = Je m’engage
pledge-lead = « Moi aussi » a montré combien. « Je m’engage » est la réponse : une promesse d’agir. Les engagements sont comptés comme les témoignages — anonymement, et publiés en totaux arrondis.
pledge-so-far = Jusqu’ici : { $n } engagements.
pledge-error-cross-site = Ce formulaire a été envoyé depuis un autre site, donc rien n’a été envoyé. Si c’était vous, utilisez les boutons de cette page.
pledge-error-field = Le formulaire est arrivé avec un champ qu’il n’a pas. Utilisez les boutons de cette page.
pledge-error-unknown = Cet engagement ne fait pas partie des choix proposés. Choisissez l’un des boutons.
pledge-error-busy = Énormément de personnes s’engagent en ce moment. Réessayez dans une minute.
pledge-error-storage-full = Ce site ne peut rien enregistrer de nouveau pour le moment : son stockage est presque plein. Réessayez plus tard.
pledged-title = Merci.
pledged-choice = Votre engagement — « { $pledge } » — a été reçu.
pledged-plain = Votre engagement a été reçu.
pledged-when = Il apparaîtra dans les chiffres lors de la prochaine publication.
pledge-speak_up = Je prendrai la parole quand je serai témoin de harcèlement
pledge-believe = Je croirai les victimes
pledge-consent = Je respecterai toujours le consentement

## Trouver de l’aide
resources-title = Trouver de l’aide
resources-lead = Si vous êtes en danger maintenant, appelez le numéro d’urgence local. Ces services écoutent, vous croient, et ne vous obligeront à rien que vous ne vouliez pas.
resource-1-name = RAINN, ligne nationale contre les agressions sexuelles (États-Unis)
resource-1-description = Soutien gratuit et confidentiel, 24 heures sur 24.
resource-2-name = Rape Crisis (Angleterre et pays de Galles)
resource-2-description = Ligne d’écoute gratuite 24 h/24 et 7 j/7 pour toute personne de 16 ans ou plus.
resource-3-name = Services d’urgence
resource-3-description = Si vous êtes en danger maintenant, appelez le numéro d’urgence local.
counts-what = Chaque chiffre compte des témoignages, pas des personnes : chacun peut dire moi aussi une fois ou plus, et beaucoup ne le disent jamais.
counts-what-since = Chaque chiffre compte des témoignages, pas des personnes : chacun peut dire moi aussi une fois ou plus, et beaucoup ne le disent jamais. Compté depuis la semaine du { $since }.
counts-week-of = Semaine du { $date }
counts-legend = Un contour en pointillés marque une semaine à moins de { $n }.
counts-embed-label = Code pour afficher le chiffre
counts-share-description = Des victimes de harcèlement et d’agressions sexuelles disent « moi aussi », comptées sans nommer personne.
counts-chart-title = Témoignages reçus par semaine
counts-chart-desc = Diagramme en barres des dernières semaines closes, chaque barre avec son chiffre ; le tableau ci-dessous liste toutes les semaines.
date-short = { $day } { $month }
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
counts-total-includes = Le total compte aussi les jours de cette semaine jusqu’ici ; les semaines ci-dessous sont seulement celles qui sont terminées.

## Pages d’erreur
error-title-unreadable = Nous n’avons pas pu le lire
error-title-login = Connectez-vous
error-login-message = Votre session est terminée ou vous n’êtes pas connecté·e. Reconnectez-vous.
error-title-refused = C’est refusé
error-cross-site-message = Ce formulaire a été envoyé depuis un autre site, il a donc été refusé.
error-title-not-found = Page introuvable
error-not-found-message = Il n’y a pas de page à cette adresse. Les liens ci-dessous ramènent en arrière.
error-title-not-available = Indisponible
error-not-available-message = Cette page ne s’utilise pas ainsi. Utilisez les liens de la page.
error-title-too-large = Trop long pour être reçu
error-too-large-message = Ce qui a été envoyé dépasse ce que ce site accepte, donc rien n’a été enregistré. Un témoignage peut contenir jusqu’à 20 000 caractères. Ce que vous avez écrit est toujours dans le formulaire : utilisez le bouton Retour de votre navigateur pour y revenir et le raccourcir.
error-title-timeout = C’était trop long
error-timeout-message = Le formulaire est arrivé trop lentement, donc rien n’a été enregistré. Revenez en arrière et renvoyez-le.
error-unsupported-message = Utilisez le formulaire de ce site ; rien n’a été enregistré.
error-title-check = Vérifiez le formulaire
error-title-busy = Très chargé en ce moment
error-busy-message = Trop de personnes utilisent le site en ce moment, et rien n’a été enregistré. Réessayez dans une minute.
error-title-internal = Quelque chose s’est mal passé
error-internal-message = Rien de ce que vous avez envoyé n’a été enregistré. Réessayez plus tard. Si vous prévenez les organisateurs, mentionnez l’incident { $incident }.
error-login-again = Se reconnecter
error-back-to-start = Retour à l’accueil
