# Chorus, español. Los mensajes cuya clave termina en -html pueden llevar un poco de marcado
# (<strong>, <a>); los demás se muestran como texto.

## Todas las páginas
skip-link = Ir al contenido
site-leave = Salir de este sitio
site-leave-shortcut = (o pulsa Mayús 3 veces)
nav-site = Sitio
nav-home = Inicio
nav-submit = Decir yo también
nav-counts = Cifras
nav-return = Volver con un código
nav-pledge = Me comprometo
nav-resources = Buscar ayuda
nav-languages = Idiomas
footer-privacy = Este sitio no pone cookies a quienes lo visitan, no carga nada de ningún otro sitio y nunca registra tu dirección.
error-prefix = Error:

## Sobre esta campaña
about-heading = Sobre esta campaña
kept-until-deleted = Los testimonios se conservan hasta que el equipo los borra.
kept-for-days = { $n ->
    [one] Los testimonios se borran al cabo de { $n } día.
   *[other] Los testimonios se borran al cabo de { $n } días.
}

## Página de inicio
landing-title = No estás sola, no estás solo.
landing-lead-html = Si has sufrido acoso o agresión sexual, aquí puedes decir <strong>«yo también»</strong>, contando lo que pasó o sin contarlo. Sin nombre, sin correo, sin cuenta.
landing-button = Yo también
landing-more-html = Basta con un toque: se cuenta y no se pide nada más. Si quieres decir algo más, puedes <a href="{ $href }">contar tanto o tan poco como quieras</a>.
not-open = Este sitio todavía no recibe testimonios: quienes lo organizan aún lo están preparando.
landing-what-happens = Qué pasa con lo que envías
landing-locked = Se cierra con llave (se cifra) en el momento en que llega. Solo el equipo de apoyo de esta campaña puede abrirlo.
landing-no-trace = Nunca registramos tu dirección IP, tu navegador ni la hora exacta: solo el día.
landing-totals = El público solo ve totales, con un poco de ruido añadido, para que nadie pueda ser identificado.
landing-see-counts = Ver cuántas personas han hablado
landing-find-help = Buscar ayuda ahora

## El formulario
submit-title = Decir yo también
submit-intro = Todo en este formulario es opcional. Enviarlo tal cual dice «yo también» y se cuenta. Lo que escribas se cierra con llave en cuanto llega; solo el equipo de apoyo de la campaña puede leerlo.
submit-statement-label = Qué pasó, si quieres contarlo
optional = (opcional)
optional-any = (opcional, elige las que quieras)
statement-limit = Escribe tanto o tan poco como quieras, en cualquier idioma. Si no quieres que se lean nombres, incluido el tuyo, no los pongas. Hasta { $n } caracteres.
submit-categories = ¿Qué fue?
submit-setting = ¿Dónde ocurrió?
submit-setting-none = Prefiero no decirlo
submit-sharing = Compartir
submit-consent = El equipo puede publicar un fragmento breve, quitando todo lo que pudiera identificar a alguien.
submit-hearing-back = Recibir respuesta
submit-want-receipt = Dame un código para volver: para leer respuestas, añadir algo o retirar lo que envié
submit-receipt-hint = El código son 8 palabras y se muestra una sola vez. No lo guardamos: guárdalo en un lugar seguro y privado.
submit-receipt-language = Con un código, el equipo también ve en qué idioma estaba esta página, para poder responderte en él.
submit-send = Enviar
submit-nothing-saved = No se guarda nada hasta que pulses Enviar. Puedes cerrar esta página cuando quieras.

## Recibido
received-title = Recibido
received-heading = Recibido. Gracias.
received-story = Tus palabras se recibieron y se guardaron bajo llave. Solo el equipo de apoyo de la campaña puede leerlas.
received-me-too = Tu «yo también» se ha recibido.
receipt-heading = Tu código para volver
receipt-write-down-html = <strong>Anótalo ahora</strong>, en papel o donde solo tú puedas verlo. Se muestra solo esta vez.
receipt-private-html = <strong>Guárdalo en privado.</strong> Quien lo tenga puede leer las respuestas, añadir algo a lo que escribiste o retirarlo.
receipt-lost-html = <strong>Si lo pierdes, no hay vuelta atrás</strong>: no lo guardamos, así que nadie puede buscarlo ni restablecerlo.
receipt-return-html = Con él puedes volver a <a href="{ $href }">la página de regreso</a> para ver respuestas, añadir algo o retirar lo que enviaste.
received-counted = Formará parte de las cifras públicas la próxima vez que se publiquen, junto con las de todas las demás personas, nunca por separado.
received-not-your-fault-html = Pasara lo que pasara, no fue culpa tuya. Si quieres hablar con alguien, <a href="{ $href }">estos servicios pueden ayudarte</a>.
received-see-counts = Ver las cifras

## Volver con un código
return-title = Volver
return-heading = Vuelve con tu código
return-intro = Si pediste un código al decir «yo también», escribe sus 8 palabras para ver las respuestas del equipo, añadir algo o retirar lo que enviaste. Las mayúsculas, los espacios y la puntuación no importan.
return-code-label = Tu código de 8 palabras
return-open = Abrir
return-no-lookup = No guardamos los códigos, así que no podemos buscar uno ni volver a enviarlo.

## Tu testimonio (con un código)
thread-title = Tu testimonio
thread-not-shown = Lo que enviaste no se muestra aquí: se cerró para el equipo en cuanto llegó, y ni siquiera tu código puede abrirlo. Así, quien encuentre tu código tampoco podrá leerlo.
thread-received = Recibido
thread-status = Estado
thread-replies = Respuestas del equipo
thread-no-replies = Todavía no hay respuestas.
thread-add = Añadir algo
thread-add-label = Lo que quieres añadir
thread-add-button = Añadir
thread-withdraw = Retirar
thread-withdraw-explained = Retirar borra lo que enviaste, lo que hayas añadido y las respuestas del equipo. Sale de las cifras públicas en la próxima publicación. No se puede deshacer, y tu código dejará de abrir nada.
thread-withdraw-confirm = Sí, retirar mi testimonio
thread-withdraw-button = Retirar

## Retirado
withdrawn-title = Retirado
withdrawn-lead = Se han borrado tu testimonio, todo lo que añadiste y las respuestas del equipo.
withdrawn-counts = Sale de las cifras públicas en la próxima publicación. Tu código ya no abre nada. Las copias en las copias de seguridad cifradas de la organización desaparecen cuando esas copias caducan.
withdrawn-help-html = Si quieres hablar con alguien, <a href="{ $href }">estos servicios pueden ayudarte</a>.

## Opciones incluidas (las etiquetas propias de quien organiza las sustituyen)
category-harassment = Acoso sexual
category-assault = Agresión sexual
category-rape = Violación
category-online = Violencia en línea o difusión de imágenes íntimas
category-stalking = Acecho
category-other = Otra cosa
setting-work = En el trabajo
setting-education = En la escuela o la universidad
setting-home = En casa o en la familia
setting-public = En un lugar público
setting-online = En internet
setting-other = En otro lugar

## Lo que dicen las páginas cuando algo se rechaza (el texto siempre se conserva)
error-too-long = Lo que escribiste tiene más de { $n } caracteres. Acórtalo un poco; no se ha enviado nada.
error-control-character = Lo que escribiste contiene caracteres de control invisibles que no podemos guardar. Quítalos (pegar como texto sin formato suele ayudar); no se ha enviado nada.
error-unknown-choice = Una de las opciones enviadas no está en este formulario. Vuelve a elegir de la lista; no se ha enviado nada.
error-unexpected-field = El formulario llegó con un campo que no tiene, o con un campo repetido. Usa el formulario de esta página; no se ha enviado nada.
error-cross-site-kept = Este formulario se envió desde otro sitio web, así que no se envió nada. Si fuiste tú, usa el formulario de esta página: todo lo que escribiste sigue aquí.
notice-pressed-enter = Todavía no se ha enviado nada: pulsar Intro no envía este formulario. Todo lo que escribiste y elegiste sigue aquí; pulsa Enviar cuando quieras.
error-network-busy = { $minutes ->
    [one] Desde tu red (tu edificio, campus o proveedor) se ha enviado muchísimo en la última hora, así que esto no se envió. Lo que escribiste sigue aquí: vuelve a enviarlo dentro de { $minutes } minuto.
   *[other] Desde tu red (tu edificio, campus o proveedor) se ha enviado muchísimo en la última hora, así que esto no se envió. Lo que escribiste sigue aquí: vuelve a enviarlo dentro de { $minutes } minutos.
}
error-busy = Hay demasiadas personas enviando en este momento, así que tus palabras aún no se han enviado. Siguen aquí: inténtalo de nuevo dentro de un minuto.
error-storage-full = Este sitio no puede guardar nada nuevo ahora mismo: su almacenamiento está casi lleno y quienes lo organizan tienen que liberar espacio. Tus palabras no se enviaron y siguen aquí; inténtalo más tarde.
error-not-open-kept = Este sitio todavía no recibe testimonios: quienes lo organizan no han terminado de prepararlo. Tus palabras no se enviaron y siguen aquí.
error-internal-kept = Algo falló por nuestra parte (incidente { $error }). Tus palabras no se enviaron y siguen aquí; inténtalo más tarde.
error-code-busy = { $minutes ->
    [one] Con este código se ha añadido mucho en la última hora, así que esto no se envió. Lo que escribiste sigue en el cuadro: vuelve a enviarlo dentro de { $minutes } minuto.
   *[other] Con este código se ha añadido mucho en la última hora, así que esto no se envió. Lo que escribiste sigue en el cuadro: vuelve a enviarlo dentro de { $minutes } minutos.
}
error-thread-full = Este testimonio ya tiene todos los añadidos que admite. El equipo puede leer todo lo que añadiste hasta ahora. Si quieres decir más, puedes enviar un testimonio nuevo desde la página «Decir yo también» (lo que escribiste sigue en el cuadro para copiarlo).
error-code-unknown-word = No pudimos abrir nada con ese código. La palabra { $n } no es una de las palabras con que se forman los códigos: revisa cómo está escrita.
error-code-word-count = No pudimos abrir nada con ese código. Los códigos tienen 8 palabras; encontramos { $n }.
error-code-not-found = No pudimos abrir nada con ese código. Revisa cada palabra. Si el testimonio se retiró, ya no se puede encontrar nada.
error-nothing-to-add = No había nada que añadir.
notice-added = Añadido. El equipo lo verá junto con lo que escribiste antes.
error-withdraw-confirm = Para retirarlo, marca la casilla que lo confirma; no se ha borrado nada.
status-new = Recibido. El equipo aún no lo ha leído.
status-in-progress = El equipo está trabajando en ello.
status-resolved = El equipo ha terminado de trabajar en ello.
status-read = Leído por el equipo.

## Fechas: «1 de diciembre de 2026»
date-long = { $day } de { $month } de { $year }
month-1 = enero
month-2 = febrero
month-3 = marzo
month-4 = abril
month-5 = mayo
month-6 = junio
month-7 = julio
month-8 = agosto
month-9 = septiembre
month-10 = octubre
month-11 = noviembre
month-12 = diciembre

## Cifras
counts-title = Cuántas personas han dicho yo también
counts-published = Publicado el { $when }.
counts-none-yet = Todavía no se han publicado cifras. Se publican a horas fijas, no a medida que llegan los testimonios.
counts-policy-received = Se cuenta: cada testimonio recibido, menos lo que el equipo consideró spam y lo que las personas retiraron.
counts-policy-reviewed = Se cuenta: los testimonios que el equipo de apoyo ha leído y revisado.
counts-noise = Para que nadie pueda ser identificado —ni siquiera por alguien que inunde este sitio con testimonios propios—, cada cifra lleva un poco de ruido aleatorio, sorteado una vez y conservado: el total está a unos ±{ $total } de la cifra real y cada semana a ±{ $week } (el 95 % de las veces).
counts-noise-kinds = Cada tipo está a unos ±{ $kinds }.
counts-noise-tail = El total cambia como mucho una vez al día. (Privacidad diferencial, ε = { $epsilon }.)
counts-rounding = Las cifras se redondean hacia abajo a un múltiplo de { $n }, y lo que es menor aparece como «menos de { $n }».
fewer-than = menos de { $n }
counts-by-week = Por semana
counts-week-caption = Testimonios recibidos por semana cerrada (las mismas cifras que el gráfico)
counts-week-col = Semana
counts-statements-col = Testimonios
counts-no-weeks = Todavía no se ha publicado ninguna semana cerrada.
counts-by-kind = Por tipo
counts-kind-caption = Se podía elegir más de uno, o ninguno.
counts-kind-caption-noise = Cada testimonio cuenta en uno de los tipos que nombra (elegido al azar si nombra varios). Se actualiza cada cuatro semanas.
counts-kind-col = Tipo
counts-pledges = Compromisos de actuar hasta ahora: { $n }.
counts-add-pledge = Añade tu compromiso.
counts-share = Compartir
counts-embed = Inserta la cifra en directo en tu propio sitio (no carga nada más):
counts-badge-alt = Yo también: cuántas personas han hablado
counts-json = Las mismas cifras en JSON
date-time = { $date }, { $time } UTC

## Me comprometo
pledge-title = Me comprometo
pledge-lead = «Yo también» mostró cuántas personas. «Me comprometo» es la respuesta: una promesa de actuar. Los compromisos se cuentan como los testimonios: de forma anónima, y se publican como totales redondeados.
pledge-so-far = Hasta ahora: { $n } compromisos.
pledge-error-cross-site = Este formulario se envió desde otro sitio web, así que no se envió nada. Si fuiste tú, usa los botones de esta página.
pledge-error-field = El formulario llegó con un campo que no tiene. Usa los botones de esta página.
pledge-error-unknown = Ese compromiso no es una de las opciones de aquí. Elige uno de los botones.
pledge-error-busy = Muchísimas personas se están comprometiendo ahora mismo. Inténtalo de nuevo dentro de un minuto.
pledge-error-storage-full = Este sitio no puede guardar nada nuevo ahora mismo: su almacenamiento está casi lleno. Inténtalo más tarde.
pledged-title = Gracias.
pledged-choice = Tu compromiso —«{ $pledge }»— se ha recibido.
pledged-plain = Tu compromiso se ha recibido.
pledged-when = Aparecerá en las cifras la próxima vez que se publiquen.
pledge-speak_up = Alzaré la voz cuando vea acoso
pledge-believe = Creeré a quienes lo han sufrido
pledge-consent = Respetaré siempre el consentimiento

## Buscar ayuda
resources-title = Buscar ayuda
resources-lead = Si estás en peligro ahora, llama al número de emergencias de tu país. Estos servicios escuchan, te creen y no te obligarán a hacer nada que no quieras.
resource-1-name = RAINN, línea nacional contra la agresión sexual (EE. UU.)
resource-1-description = Apoyo gratuito y confidencial, las 24 horas del día.
resource-2-name = Rape Crisis (Inglaterra y Gales)
resource-2-description = Línea de apoyo gratuita 24/7 para cualquier persona a partir de 16 años.
resource-3-name = Servicios de emergencia
resource-3-description = Si estás en peligro ahora, llama al número de emergencias de tu país.
counts-what = Cada cifra cuenta testimonios, no personas: cualquiera puede decir yo también una vez o más, y muchas personas nunca lo dicen.
counts-what-since = Cada cifra cuenta testimonios, no personas: cualquiera puede decir yo también una vez o más, y muchas personas nunca lo dicen. Se cuenta desde la semana del { $since }.
counts-week-of = Semana del { $date }
counts-legend = Un contorno discontinuo marca una semana con menos de { $n }.
counts-embed-label = Código para insertar la cifra
counts-share-description = Personas que han sufrido acoso y agresión sexual dicen «yo también», contadas sin nombrar a nadie.
counts-chart-title = Testimonios recibidos por semana
counts-chart-desc = Gráfico de barras de las últimas semanas cerradas, cada barra con su cifra; la tabla de abajo recoge todas las semanas.
date-short = { $day } { $month }
month-short-1 = ene
month-short-2 = feb
month-short-3 = mar
month-short-4 = abr
month-short-5 = may
month-short-6 = jun
month-short-7 = jul
month-short-8 = ago
month-short-9 = sept
month-short-10 = oct
month-short-11 = nov
month-short-12 = dic
counts-total-includes = El total cuenta también los días de esta semana hasta ahora; abajo solo aparecen las semanas que ya han terminado.

## Páginas de error
error-title-unreadable = No pudimos leerlo
error-title-login = Inicia sesión
error-login-message = Tu sesión ha terminado o no has iniciado sesión. Vuelve a iniciarla.
error-title-refused = Se ha rechazado
error-cross-site-message = Este formulario se envió desde otro sitio web, así que se rechazó.
error-title-not-found = Página no encontrada
error-not-found-message = No hay ninguna página en esta dirección. Los enlaces de abajo te llevan de vuelta.
error-title-not-available = No disponible
error-not-available-message = Esta página no se puede usar así. Usa los enlaces de la página.
error-title-too-large = Demasiado largo para recibirlo
error-too-large-message = Lo que se envió es más grande de lo que este sitio acepta, así que no se guardó nada. Un testimonio admite hasta 20 000 caracteres. Lo que escribiste sigue en el formulario: usa el botón Atrás de tu navegador para volver a él y acortarlo.
error-title-timeout = Ha tardado demasiado
error-timeout-message = El formulario llegó demasiado despacio, así que no se guardó nada. Vuelve atrás y envíalo de nuevo.
error-unsupported-message = Usa el formulario de este sitio; no se guardó nada.
error-title-check = Revisa el formulario
error-title-busy = Mucha actividad ahora mismo
error-busy-message = Hay demasiadas personas usando el sitio en este momento y no se guardó nada. Inténtalo de nuevo dentro de un minuto.
error-title-internal = Algo ha fallado
error-internal-message = No se guardó nada de lo que enviaste. Inténtalo más tarde. Si se lo cuentas a quienes organizan, menciona el incidente { $incident }.
error-login-again = Volver a iniciar sesión
error-back-to-start = Volver al inicio
