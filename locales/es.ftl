# Chorus, español. Los mensajes cuya clave termina en -html pueden llevar un poco de marcado
# (<strong>, <a>); los demás se muestran como texto.

## Todas las páginas
skip-link = Ir al contenido
site-leave = Salir de este sitio
site-leave-shortcut = (o pulsa 3 veces la tecla Mayús o Shift)
nav-site = Sitio
nav-home = Inicio
nav-submit = Decir yo también
nav-counts = Cifras
nav-return = Volver con un código
nav-pledge = Me comprometo
nav-federation = Muchas campañas
nav-resources = Buscar ayuda
nav-languages = Idiomas
footer-privacy = Este sitio no pone cookies a quienes lo visitan, no carga nada de ningún otro sitio y nunca registra tu dirección IP.
error-prefix = Error:

## Sobre esta campaña
about-heading = Sobre esta campaña
kept-until-deleted = Los testimonios se conservan hasta que el equipo los borre.
kept-for-days = { $n ->
    [one] Los testimonios se borran al cabo de { $n } día.
   *[other] Los testimonios se borran al cabo de { $n } días.
}

## Página de inicio
landing-title = No estás sola, no estás solo.
landing-lead-html = Si has sufrido acoso sexual o una agresión sexual, aquí puedes decir <strong>«yo también»</strong>, contando lo que pasó o sin contarlo. Sin nombre, sin correo, sin cuenta.
landing-button = Yo también
landing-more-html = Basta con un toque: se cuenta y no se pide nada más. Si quieres decir algo más, puedes <a href="{ $href }">contar tanto o tan poco como quieras</a>.
not-open = Este sitio todavía no recibe testimonios: quienes lo organizan aún lo están preparando.
landing-what-happens = Qué pasa con lo que envías
landing-locked = Se cierra con llave (se cifra) en el momento en que llega. Solo el equipo de apoyo de esta campaña puede abrirlo.
landing-no-trace = Nunca registramos tu dirección IP, tu navegador ni la hora exacta: solo el día.
landing-totals = El público solo ve totales, con un poco de ruido añadido, para que no se pueda identificar a nadie.
landing-see-counts = Ver cuántas veces se ha dicho «yo también»
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
submit-consent = Acepto que el equipo publique un fragmento breve, tras quitar todo lo que pudiera identificar a cualquier persona.
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
return-intro = Si pediste un código al decir «yo también», escribe sus palabras para ver las respuestas del equipo, añadir algo o retirar lo que enviaste. Las mayúsculas, las tildes, los espacios, los números y la puntuación no importan, y un código funciona aquí en todos los idiomas de este sitio.
return-code-label = Tu código (sus palabras, en orden)
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
thread-withdraw-explained = Retirar borra lo que enviaste, lo que hayas añadido y las respuestas del equipo. Tu testimonio deja de contarse en las cifras públicas a partir de la próxima publicación. No se puede deshacer, y tu código ya no abrirá nada.
thread-withdraw-confirm = Sí, retirar mi testimonio
thread-withdraw-button = Retirar

## Retirado
withdrawn-title = Retirado
withdrawn-lead = Se han borrado tu testimonio, todo lo que añadiste y las respuestas del equipo.
withdrawn-counts = Tu testimonio sale de las cifras públicas en la próxima publicación. Tu código ya no abre nada. Lo que quede en las copias de seguridad cifradas de la organización desaparecerá cuando caduquen.
withdrawn-help-html = Si quieres hablar con alguien, <a href="{ $href }">estos servicios pueden ayudarte</a>.

## Opciones incluidas (las etiquetas propias de quien organiza las sustituyen)
category-harassment = Acoso sexual
category-assault = Agresión sexual
category-rape = Violación
category-online = Violencia en línea o violencia sexual con imágenes (difusión o amenaza de difusión, grabación oculta, montajes)
category-stalking = Acecho o acoso persistente (stalking)
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
error-internal-kept = Algo falló por nuestra parte (código de error { $error }). Tus palabras no se enviaron y siguen aquí; inténtalo más tarde.
error-code-busy = { $minutes ->
    [one] Con este código se ha añadido mucho en la última hora, así que esto no se envió. Lo que escribiste sigue en el cuadro: vuelve a enviarlo dentro de { $minutes } minuto.
   *[other] Con este código se ha añadido mucho en la última hora, así que esto no se envió. Lo que escribiste sigue en el cuadro: vuelve a enviarlo dentro de { $minutes } minutos.
}
error-thread-full = Este testimonio ya tiene todos los añadidos que admite. El equipo puede leer todo lo que añadiste hasta ahora. Si quieres decir más, puedes enviar un testimonio nuevo desde la página «Decir yo también» (lo que escribiste sigue en el cuadro para copiarlo).
error-code-unknown-word = No pudimos abrir nada con ese código. La palabra { $n } no es una de las palabras con que se forman los códigos: revisa cómo está escrita.
error-code-word-count = No pudimos abrir nada con ese código, porque ningún código tiene este número de palabras: { $n }. Revisa si falta o sobra alguna palabra.
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
counts-title = Cuántas veces se ha dicho «yo también»
counts-published = Publicado el { $when }.
counts-none-yet = Todavía no se han publicado cifras. Se publican a horas fijas, no a medida que llegan los testimonios.
counts-policy-received = Se cuenta: cada testimonio recibido, menos los que el equipo identificó como spam y los que se retiraron.
counts-policy-reviewed = Se cuenta: los testimonios que el equipo de apoyo ha leído y revisado.
counts-noise = Para que nadie —ni siquiera quien inunde este sitio con testimonios propios— pueda identificar a ninguna persona, cada cifra lleva un poco de ruido aleatorio, sorteado una vez y conservado: el total está a unos ±{ $total } de la cifra real y cada semana a ±{ $week } (el 95 % de las veces).
counts-noise-kinds = Cada tipo está a unos ±{ $kinds }.
counts-noise-tail = El total cambia como mucho una vez al día. (Privacidad diferencial, ε = { $epsilon }.)
counts-rounding = Las cifras se redondean hacia abajo a un múltiplo de { $n }, y las que son menores que { $n } aparecen como «menos de { $n }».
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
counts-badge-alt = Yo también: cuántos testimonios
counts-json = Las mismas cifras en JSON
date-time = { $date }, { $time } UTC

## Me comprometo
pledge-title = Me comprometo
pledge-lead = «Yo también» mostró la magnitud del problema. «Me comprometo» es la respuesta: una promesa de actuar. Los compromisos se cuentan como los testimonios: de forma anónima, y se publican como totales redondeados.
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
pledge-believe = Creeré a las personas supervivientes
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
counts-what = Cada cifra cuenta testimonios, no personas: cualquiera puede decir «yo también» una vez o más, y muchas personas nunca lo dicen.
counts-what-since = Cada cifra cuenta testimonios, no personas: cualquiera puede decir «yo también» una vez o más, y muchas personas nunca lo dicen. Se cuenta desde la semana del { $since }.
counts-week-of = Semana del { $date }
counts-legend = Un contorno discontinuo marca una semana con menos de { $n }.
counts-embed-label = Código para insertar la cifra
badge-label = yo también
counts-share-description = Personas supervivientes de acoso sexual y agresión sexual dicen «yo también»; sus testimonios se cuentan sin nombrar a nadie.
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
error-too-large-message = Lo que se envió es más grande de lo que este sitio acepta, así que no se guardó nada. Un testimonio admite hasta 20 000 caracteres. Lo que escribiste sigue en el formulario: usa el botón Atrás de tu navegador para volver a él y acortarlo.
error-title-timeout = Tiempo de espera agotado
error-timeout-message = El formulario llegó demasiado despacio, así que no se guardó nada. Vuelve atrás y envíalo de nuevo.
error-unsupported-message = Usa el formulario de este sitio; no se guardó nada.
error-title-check = Revisa el formulario
error-title-busy = Mucha actividad ahora mismo
error-busy-message = Hay demasiadas personas usando el sitio en este momento y no se guardó nada. Inténtalo de nuevo dentro de un minuto.
error-title-internal = Algo ha fallado
error-internal-message = No se guardó nada de lo que enviaste. Inténtalo más tarde. Si se lo cuentas a quienes organizan, menciona el código de error { $incident }.
error-login-again = Volver a iniciar sesión
error-back-to-start = Volver al inicio

## Rechazos: por qué no se aceptó un formulario o un enlace (equipo y compartidos)
err-bad-credentials = Esos datos no coinciden.
err-admins-only = Esta página es solo para el rol de administración.
err-totp-secret-changed = El secreto de autenticación del formulario se ha cambiado. Vuelve a empezar desde el enlace.
err-form-unknown-field = El formulario llegó con un campo que no tiene. Usa el formulario de esta página.
err-form-incomplete = El formulario no llegó completo. Vuelve a enviarlo.
err-form-encoding = El formulario llegó con una codificación que no podemos leer, así que no se guardó nada. Usa el formulario de este sitio.
err-page-link = Ese enlace de página no es válido.
err-unknown-action = Filtro de acción desconocido.
err-username-too-long = Ese nombre de usuario es demasiado largo.
err-export-format = Elige format=json o format=csv.
err-unknown-status = Filtro de estado desconocido.
err-selected-id = Uno de los identificadores de testimonio seleccionados no es válido.
err-export-too-many = Selecciona como máximo 100 testimonios, o expórtalos todos.
err-export-none-ticked = Primero marca los testimonios que quieres exportar; no se ha exportado nada.
err-choose-status = Elige uno de los estados de la lista.
err-confirm-delete = Marca la casilla para confirmar el borrado; no se ha borrado nada.
err-confirm-first = No se ha cambiado nada. Primero marca la casilla para confirmar.
err-form-expired = Este formulario ha caducado o no viene de este sitio. Vuelve atrás, recarga la página e inténtalo de nuevo.
err-day-format = El día debe tener la forma 2026-12-01.
err-unknown-category = Filtro de categoría desconocido.
err-ticked-id = Uno de los identificadores de testimonio marcados no es válido.
err-bulk-too-many = Se pueden cambiar como máximo 1000 testimonios a la vez.
err-login-expired = Este formulario de inicio de sesión ha caducado. Recarga la página e inténtalo de nuevo.
err-choose-role = Elige un rol: revisión o administración.
err-confirm-grant = No se ha dado acceso. Primero compara la huella de la clave con la que muestra la página de la persona nueva; luego marca la casilla para indicar que coinciden.
err-confirm-disable = No se ha desactivado a nadie. Marca la casilla para confirmar: desactivar pone fin a su acceso y rota las claves.
err-totp-secret = El secreto de autenticación no es válido.
err-username-format = Los nombres de usuario tienen de 1 a 64 caracteres: letras sin tilde ni ñ (a–z), cifras, puntos, guiones o guiones bajos.
err-passphrase-short = Elige una frase de contraseña de al menos 15 caracteres, como las palabras sugeridas.
err-passphrase-long = Esa frase de contraseña es demasiado larga (1024 bytes como máximo).
err-totp-code = Ese código no coincide. Revisa la hora de tu teléfono y escribe los 6 dígitos que muestra ahora tu aplicación de autenticación.
err-no-epoch = Todavía no existe ninguna clave de época.
err-note-empty = La nota está vacía.
err-note-long = Las notas admiten hasta 10 000 caracteres.
err-note-control = La nota contiene caracteres de control.
err-cannot-adjust = Tus claves no pueden abrir este testimonio, así que no se pueden ajustar sus cifras. Pide acceso a alguien con rol de administración.
err-day-malformed = El día del testimonio no tiene un formato válido.
err-rotated-writing = Las claves cambiaron mientras escribías (una rotación). Vuelve a enviarlo.
err-no-receipt = Este testimonio no tiene código, así que ninguna respuesta puede llegar a quien lo escribió.
err-no-recipients = No hay nadie para quien sellar una nueva clave de época: primero haz la configuración inicial.
err-rotated-granting = Las claves cambiaron mientras dabas acceso (una rotación). Inténtalo de nuevo.
err-bulk-none-ticked = Primero marca los testimonios que quieres cambiar; no se ha cambiado nada.
err-cannot-open = Tus claves no pueden abrir este testimonio.
err-no-text = Un «yo también» sin más no tiene texto que comparar, así que no se ha cambiado nada.
err-no-invitation = No hay ninguna invitación abierta para ese nombre de usuario.
err-username-taken = Ya hay alguien con ese nombre de usuario.
err-no-such-member = No hay ninguna persona activa del equipo con ese nombre.
err-disable-self = No puedes desactivar tu propia cuenta.
err-last-admin = No se puede desactivar a la última persona con rol de administración.
err-recovery-key = Esta clave de recuperación no pertenece a esta instalación.
account-language-unknown = Elige uno de los idiomas de la lista.

## Páginas del equipo: todas
staff-nav = Equipo
staff-nav-inbox = Bandeja de entrada
staff-nav-admin = Equipo y claves
staff-nav-audit = Registro de auditoría
staff-nav-export = Exportar
staff-nav-account = Tu cuenta
staff-nav-logout = Cerrar la sesión de { $username }
staff-session-kept = Si termina mientras escribes una nota o una respuesta, tus palabras se conservan.
session-ends-in = Tu sesión termina dentro de { $left }.
session-ends-idle = Tu sesión termina tras { $idle } sin actividad, y dentro de { $left } como muy tarde.
span-minutes = { $m } min
span-hours = { $h } h
span-hours-minutes = { $h } h { $m } min
staff-clear-filters = Quitar los filtros
staff-show = Mostrar
staff-newer = ← Más recientes
staff-older = Más antiguos →
staff-pages = Páginas
staff-yes = sí
staff-no = no
staff-not-given = no indicado

## Tu cuenta
account-title = Tu cuenta
account-language-heading = Idioma de las páginas del equipo
account-language-label = Mostrar las páginas del equipo en
account-language-default = El idioma predeterminado del sitio
account-language-save = Guardar el idioma
account-language-saved = Guardado. Las páginas del equipo ya usan este idioma.
account-password-heading = Cambiar tu frase de contraseña
account-password-current = Frase de contraseña actual
account-password-new = Nueva frase de contraseña
account-password-hint = Al menos 15 caracteres. Una sugerencia:
account-password-save = Cambiar la frase de contraseña
account-password-changed = Tu frase de contraseña se ha cambiado. Usa la nueva a partir de tu próximo inicio de sesión.
account-password-mismatch = Tu frase de contraseña actual no coincide.
triage-status-new = Nuevo
triage-status-read = Leído
triage-status-in_progress = En curso
triage-status-resolved = Resuelto
triage-status-spam = Spam
format-json = JSON Lines
format-csv = CSV

## Bandeja de entrada
inbox-title = Bandeja de entrada
inbox-deleted = Se han borrado el testimonio y sus notas.
inbox-changed = { $n ->
    [one] Se ha cambiado { $n } testimonio (una entrada en el registro de auditoría).
   *[other] Se han cambiado { $n } testimonios (una entrada en el registro de auditoría).
}
inbox-none-left = Guardado. No quedan testimonios nuevos.
inbox-by-status = Filtrar por estado
inbox-all = Todos
inbox-received-on = Recibido el
inbox-kind = Tipo
inbox-any-kind = Cualquier tipo
inbox-with-text = Solo con un texto escrito
inbox-nothing = No hay nada aquí.
inbox-caption = Primero el día más reciente. Dentro de un mismo día el orden es aleatorio: Chorus no guarda la hora de llegada. Abrir un testimonio queda anotado en el registro de auditoría.
inbox-select = Seleccionar
inbox-select-row = Seleccionar el testimonio recibido el { $day }
inbox-col-received = Recibido
inbox-col-status = Estado
inbox-col-code = Código
inbox-col-beginning = Comienzo
inbox-code-yes = : las respuestas llegan a quien escribió
inbox-bulk-legend = Los testimonios marcados (una avalancha se despeja página a página; una entrada de auditoría cada vez)
inbox-bulk-status = Darles el estado
inbox-bulk-change = Cambiar los marcados
inbox-export-legend = Exportar los testimonios marcados (descifrados; queda anotado en el registro de auditoría)
inbox-export-selected = Exportar los seleccionados…
inbox-none-match = Ninguno coincide.
inbox-position = { $first }–{ $last } de { $total }
inbox-scan-stopped = { $shown } encontrados entre los { $read } testimonios leídos hasta ahora (cada página lee como máximo { $max }). Sigue buscando con «Más antiguos».
inbox-scan-done = { $shown } mostrados; se leyeron { $read } testimonios para encontrarlos.
inbox-me-too = («yo también», sin texto)

## Un testimonio
testimony-title = Testimonio
testimony-heading = Testimonio recibido el { $day }
testimony-status = Estado
testimony-kind = Tipo
testimony-where = Dónde
testimony-consent = Se puede publicar un fragmento
testimony-consent-yes = sí, anonimizado
testimony-spam-hint = Lo marcado como spam sale de las cifras públicas en la próxima publicación.
testimony-save-status = Guardar el estado
testimony-save-next = Guardar y abrir el siguiente nuevo
testimony-wrote = Lo que escribió
testimony-me-too = Sin texto: un «yo también».
testimony-thread = Conversación
testimony-thread-empty = Todavía no hay notas, añadidos ni respuestas.
testimony-earlier = Mensajes anteriores
testimony-latest = Últimos mensajes
testimony-note-heading = Nota interna
testimony-note-badge = solo el equipo
testimony-note-label = Nota para el equipo (se sella como el testimonio; quien lo escribió nunca la ve)
testimony-note-add = Añadir nota interna
testimony-reply-heading = Responder a quien lo escribió
testimony-reply-badge = se envía fuera del equipo
testimony-reply-label = Tu respuesta a quien lo escribió
testimony-reply-warning = Esto lo lee quien tenga el código de quien lo escribió
testimony-reply-hint = — normalmente quien lo escribió, pero quizá alguien que le quitó el código. No escribas nada que pudiera poner en peligro a quien lo escribió si otra persona lo leyera, ni nada pensado solo para el equipo.
testimony-reply-send = Enviar la respuesta a quien lo escribió
testimony-no-code = Quien lo escribió no pidió un código, así que ninguna respuesta puede llegarle.
testimony-flood-heading = ¿Una avalancha del mismo texto?
testimony-flood-confirm = Marcar como spam todos los testimonios recibidos el { $day } con exactamente este texto (hasta 1000 a la vez; una entrada en el registro de auditoría)
testimony-flood-button = Marcar todas las copias como spam
testimony-delete-heading = Borrar
testimony-delete-confirm = Borrar para siempre este testimonio y su conversación (las cifras ya publicadas se mantienen; las copias en las copias de seguridad desaparecen cuando estas caducan)
testimony-delete-button = Borrar
message-heading-note = Nota del equipo
message-heading-follow_up = Añadido por quien lo escribió
message-heading-reply = Respuesta a quien lo escribió
message-readers-note = solo el equipo — quien lo escribió nunca la ve
message-readers-follow_up = de quien tiene el código de quien lo escribió
message-readers-reply = enviada a quien tiene el código de quien lo escribió

## Una sesión que terminó mientras alguien escribía
ended-title = tu sesión ha terminado
ended-heading-note = Tu sesión terminó, así que tu nota no se envió
ended-heading-reply = Tu sesión terminó, así que tu respuesta no se envió
ended-intro = Las sesiones terminan tras un rato sin actividad, para proteger los testimonios si una pantalla se queda abierta. Lo que escribiste está abajo: cópialo, vuelve a iniciar sesión, abre el testimonio y pégalo.
ended-label-note = Tu nota, sin enviar
ended-label-reply = Tu respuesta, sin enviar
ended-login = Volver a iniciar sesión (en una pestaña nueva)
ended-hint = Si inicias sesión en una pestaña nueva, esta página sigue abierta aquí, con tus palabras.

## Equipo y claves
role-admin = administración
role-reviewer = revisión
admin-title = Equipo y claves
admin-staff-caption = Todas las personas que tienen o tuvieron acceso. Una persona nueva no puede leer nada hasta que alguien con rol de administración le dé acceso.
admin-col-username = Nombre de usuario
admin-col-role = Rol
admin-col-state = Estado
admin-col-fingerprint = Huella de la clave
admin-col-actions = Acciones
admin-col-action = Acción
admin-col-until = Abierta hasta
admin-state-disabled = cuenta desactivada
admin-state-locked = cuenta bloqueada por ahora
admin-state-active = cuenta activa
admin-state-waiting = esperando acceso
admin-grant-compared = { $username } me ha leído su huella y coincide con
admin-grant = Dar acceso
admin-disable-confirm = Desactivar a { $username }: su acceso termina y las claves rotan
admin-disable = Desactivar
admin-grant-hint = Antes de dar acceso, pide a la persona nueva que te lea la huella de la clave que le mostró su página de alta (por teléfono o en persona, no por correo electrónico) y compárala con la de arriba.
admin-invitations = Invitaciones abiertas
admin-invitations-none = Ninguna: todas las invitaciones se usaron, se retiraron o caducaron.
admin-invitations-caption = Enlaces aún sin usar. Retira uno si puede haber llegado a quien no debía.
admin-withdraw = Retirar
admin-invite-heading = Invitar a alguien
admin-invite-username = Su nombre de usuario
admin-role-reviewer-hint = Revisión: lee y clasifica los testimonios
admin-role-admin-hint = Administración: además gestiona el equipo, las claves y las exportaciones
admin-invite-create = Crear enlace de invitación
admin-keys = Claves
admin-keys-text = Rotar inicia una nueva clave de época para todo lo que se envíe a partir de ahora. Desactivar a alguien rota las claves automáticamente.
admin-rotate = Rotar las claves ahora
admin-settings = Configuración vigente
admin-settings-hint = Se define en chorus.toml o en variables CHORUS_*; los cambios se aplican al reiniciar.
admin-min-cell = Cifra publicada más pequeña
admin-interval = Intervalo de publicación
admin-seconds = { $n ->
    [one] { $n } segundo
   *[other] { $n } segundos
}
admin-retention = Conservación
admin-categories = Categorías
admin-done-granted = Acceso concedido. Compara la huella de la clave con la que se mostró a la persona nueva.
admin-done-disabled = Cuenta desactivada. Sus claves no abren nada nuevo: ya se usa una nueva clave de época.
admin-done-rotated = Ya se usa una nueva clave de época para todo lo que se envíe a partir de ahora.
admin-done-revoked = La invitación se ha retirado: su enlace ya no abre nada.
invited-title = Invitación
invited-heading = Invitación para { $username }
invited-text = Da este enlace a { $username } por un canal de confianza. Funciona una sola vez, durante 24 horas, y no se vuelve a mostrar.
invited-then = Cuando haya elegido una frase de contraseña, vuelve a esta página para darle acceso:

## Registro de auditoría
audit-title = Registro de auditoría
audit-intact = { $n ->
    [one] La cadena, de { $n } entrada, está intacta.
   *[other] La cadena de las { $n } entradas está intacta.
}
audit-broken = La cadena está ROTA en la entrada { $seq } (se esperaba la entrada { $expected }).
audit-head = Hash (resumen criptográfico) de la entrada más reciente (anótalo en otro lugar de vez en cuando; si una comprobación posterior termina en otro punto, es que se cortaron entradas del final):
audit-what = Cada inicio de sesión, descifrado, exportación, borrado y operación con claves que hace el equipo. Lo que hacen las personas supervivientes nunca se registra.
audit-filter-action = Qué
audit-everything = Todo
audit-filter-actor = Quién (nombre de usuario)
audit-summary = Entradas { $first } a { $last }, primero las más recientes; { $total } coinciden en total.
audit-none = Ninguna entrada coincide.
audit-col-when = Cuándo (UTC)
audit-col-who = Quién
audit-col-what = Qué
audit-col-detail = Detalle
audit-when = { $date }, { $time }

## Exportar
export-title = Exportar
export-heading = Exportar testimonios
export-warning-strong = El archivo contiene los testimonios descifrados, en texto legible.
export-warning = Cualquiera que lo consiga puede leer cada palabra, y lo que se filtre ya no se puede retirar. Guárdalo solo en un disco cifrado que controles —nunca en una carpeta compartida, sincronizada o en la nube, nunca como adjunto de correo electrónico— y bórralo cuando termines. La exportación queda anotada en el registro de auditoría con tu nombre.
export-selected = { $n ->
    [one] Qué: { $n } testimonio marcado en la bandeja de entrada.
   *[other] Qué: los { $n } testimonios marcados en la bandeja de entrada.
}
export-what = Qué
export-every = Todos los testimonios
export-only = Solo los marcados como «{ $status }»
export-format = Formato
export-format-json = JSON Lines (un testimonio por línea)
export-format-csv = CSV (para una hoja de cálculo)
export-download = Descargar el archivo descifrado
export-back = Volver a la bandeja de entrada sin exportar

## Inicio de sesión del equipo
login-title = Inicio de sesión del equipo
login-failed = No ha funcionado. Revisa tu nombre de usuario, tu frase de contraseña y el código de tu aplicación de autenticación. Cada código sirve una sola vez: si acabas de configurar tu cuenta o de iniciar sesión, espera a que tu aplicación muestre el siguiente código. Tras varios intentos fallidos, la cuenta se bloquea durante un tiempo.
login-username = Nombre de usuario
login-passphrase = Frase de contraseña
login-code = Código de tu aplicación de autenticación
login-code-hint = Seis dígitos, o uno de tus códigos de recuperación de un solo uso.
login-button = Iniciar sesión
login-sessions = { $minutes ->
    [one] Al iniciar sesión, los testimonios se desbloquean solo para esta sesión. Las sesiones terminan tras { $minutes } minuto sin actividad, y cuando se reinicia el servidor.
   *[other] Al iniciar sesión, los testimonios se desbloquean solo para esta sesión. Las sesiones terminan tras { $minutes } minutos sin actividad, y cuando se reinicia el servidor.
}

## Incorporación: la configuración de la primera cuenta de administración, y una invitación
enrol-passphrase-hint = Al menos 15 caracteres. Una sugerencia, creada ahora mismo:
enrol-passphrase-again = La misma frase de contraseña otra vez
enrol-passphrase-again-hint = Una errata aquí te dejaría sin acceso a tu clave para siempre: nadie puede restablecerla.
enrol-authenticator = Aplicación de autenticación
enrol-add-here = Añadir la cuenta a una aplicación de autenticación de este dispositivo
enrol-add-here-note = (si la aplicación está en el teléfono o el ordenador que muestra esta página)
enrol-code = El código de 6 dígitos que muestra ahora la aplicación
err-passphrases-differ = Las dos frases de contraseña no eran iguales, así que no se configuró nada. Vuelve a escribir tu frase de contraseña en los dos campos (el código de autenticación sigue siendo el mismo).
invite-title = Unirse
invite-heading = Te damos la bienvenida, { $username }
invite-intro = Elige una frase de contraseña y conecta una aplicación de autenticación. Tu frase de contraseña desbloquea tu propia clave; nunca se guarda y nadie puede restablecerla. Después, alguien con rol de administración te dará acceso.
invite-scan = Escanea este código o escribe el secreto de abajo en tu aplicación.
invite-join = Unirme
enrolled-title = Ya casi está
enrolled-heading = Ya casi está, { $username }
enrolled-fingerprint = La huella de tu clave:
enrolled-tell = Díctasela a la persona que te invitó, por teléfono o en persona: la comparará antes de darte acceso.
enrolled-codes-heading = Códigos de recuperación de un solo uso — solo se muestran ahora
enrolled-codes-text = Si pierdes el teléfono, cada uno de estos códigos sirve una vez en lugar de un código de la aplicación. Guárdalos en un lugar seguro.
enrolled-login = Ir a la página de inicio de sesión
closed-title = enlace no válido
closed-heading = Este enlace de configuración no es válido
closed-already = Este sitio ya está configurado.
closed-expired = Los enlaces de configuración funcionan una sola vez y caducan a las 24 horas. Reinicia el servidor para que muestre uno nuevo.
closed-go = Ir al sitio
setup-title = Configuración
setup-heading = Configura la primera cuenta de administración
setup-intro = Este enlace funciona una sola vez. Elegirás un nombre de usuario y una frase de contraseña, conectarás una aplicación de autenticación y luego verás una clave de recuperación, una sola vez. Tu frase de contraseña desbloquea tu clave; nunca se guarda y nadie puede restablecerla.
setup-username-hint = Letras sin tilde ni ñ (a–z), cifras, puntos, guiones o guiones bajos.
setup-passphrase-hint = Al menos 15 caracteres. Una sugerencia, creada ahora mismo y que solo ves tú:
setup-scan = Escanea este código con una aplicación de autenticación (por ejemplo Aegis, FreeOTP o Google Authenticator), o escribe en ella el secreto de abajo.
setup-button = Configurar
setup-done-title = Configuración completada
setup-done-heading = Chorus está listo
setup-done-lead = La cuenta de administración { $username } está configurada, y el sitio ya acepta testimonios.
setup-done-fingerprint = La huella de tu clave:
setup-done-key-heading = Tu clave de recuperación — solo se muestra esta vez
setup-done-key-text = Imprímela o anótala y guárdala fuera de línea, en un lugar seguro. No se guarda en ningún sitio. Si todas las personas con rol de administración pierden su frase de contraseña, es la única forma de volver a entrar; quien la tenga junto con una copia de la base de datos puede leer todos los testimonios, así que protégela como a los propios testimonios.
setup-done-written = He anotado o impreso la clave de recuperación y la guardo fuera de línea
setup-done-continue = Continuar al inicio de sesión del equipo

## Cifras firmadas, y una federación de contadores
counts-signed-heading = Cifras firmadas
counts-signed-text = Cada publicación se firma con la clave de este sitio y nombra la anterior, así que cualquiera puede comprobar que estas cifras salieron de aquí y que no se reescribió ninguna anterior.
counts-signed-link = Cifras firmadas
counts-history-link = Todas las publicaciones hasta ahora
counts-signed-key = Clave de publicación
counts-signed-fingerprint = Su huella
federation-title = Cifras de muchas campañas
federation-lead = { $members ->
    [one] testimonios, de { $members } campaña cuyas cifras firmadas superan la verificación.
   *[other] testimonios, de { $members } campañas cuyas cifras firmadas superan la verificación.
}
federation-how = Cada campaña tiene su propio sitio y publica sus propias cifras, firmadas. Este sitio las descarga, comprueba cada firma y que ninguna campaña haya reescrito su historial ni vuelto a mostrar una publicación antigua, y suma las que superan la verificación. Ningún testimonio sale nunca de la campaña que lo recibió.
federation-privacy = Sumar cifras ya publicadas no revela nada nuevo: las cifras de cada campaña ya están redondeadas y llevan ruido, así que no se puede identificar a nadie a partir de la suma.
federation-witnessed = { $n ->
    [one] Las cifras de cada campaña también se comprueban con su registro público, que al menos un testigo debe haber firmado. Un testigo solo firma un registro que continúa todo lo que vio antes de él, así que una campaña no puede mostrar una historia aquí y otra en otro sitio sin que se descubra. Esto prueba lo que cada campaña publicó, no que sus cifras sean ciertas.
   *[other] Las cifras de cada campaña también se comprueban con su registro público, que al menos { $n } testigos deben haber firmado. Un testigo solo firma un registro que continúa todo lo que vio antes de él, así que una campaña no puede mostrar una historia aquí y otra en otro sitio sin que se descubra. Esto prueba lo que cada campaña publicó, no que sus cifras sean ciertas.
}
federation-left-out = { $n ->
    [one] { $n } campaña queda fuera de la suma por ahora (ver más abajo).
   *[other] { $n } campañas quedan fuera de la suma por ahora (ver más abajo).
}
federation-below-min = { $n ->
    [one] { $n } campaña de la suma está por debajo de la cifra más pequeña que publica, así que todavía no aporta nada.
   *[other] { $n } campañas de la suma están por debajo de la cifra más pequeña que publican, así que todavía no aportan nada.
}
federation-none-yet = Todavía no se ha comprobado ninguna campaña.
federation-checked = Comprobado por última vez el { $when }.
federation-caption = Las últimas cifras verificadas de cada campaña.
federation-col-campaign = Campaña
federation-col-statements = Testimonios
federation-col-pledges = Compromisos
federation-col-published = Publicado
federation-col-state = Estado
federation-state-waiting = aún sin comprobar
federation-state-ok = verificada, en la suma
federation-state-stale = verificada, pero en silencio desde hace días: fuera de la suma
federation-state-unreachable = inaccesible: fuera de la suma
federation-state-failed = no superó la verificación: fuera de la suma
federation-reason-timeout = no respondió a tiempo
federation-reason-connect = sin conexión
federation-reason-http-status = respondió con un error
federation-reason-too-large = su respuesta era demasiado grande
federation-reason-not-json = su respuesta no eran cifras firmadas
federation-reason-signature = la firma no coincide con su clave
federation-reason-not-a-snapshot = lo que firmó no es un conjunto de cifras
federation-reason-replayed = mostró una publicación más antigua que otra ya vista
federation-reason-rewritten = su historial se reescribió
federation-reason-gap-too-long = demasiadas publicaciones desde la última comprobación para poder verificarlas
federation-reason-future = sus cifras tienen fecha futura
federation-reason-time-backwards = su reloj retrocedió desde la última comprobación
federation-reason-storage = este sitio no pudo registrar la comprobación
federation-reason-implausible = una cifra mayor de la que podría tener cualquier campaña (por encima del límite de este sitio)
federation-reason-too-fast = sus cifras subieron más rápido de lo que este sitio acepta desde la última suma
federation-reason-quorum = su registro no fue firmado por suficientes testigos de este sitio
federation-reason-log-inconsistent = su registro no continúa el verificado antes
federation-reason-not-in-log = su resumen no es la última entrada de su registro
federation-reason-stale = { $days ->
    [one] nada nuevo desde hace más de { $days } día
   *[other] nada nuevo desde hace más de { $days } días
}
federation-never = ninguna verificada aún
federation-json = Estas cifras en JSON
federation-share-description = La suma de los testimonios contados por campañas que publican, cada una, sus propias cifras firmadas.

## Casework: replies owed, assignment, labels, filters, alerts
inbox-needs-reply = Pendiente de respuesta
inbox-assigned-me = Asignados a mí
inbox-more-filters = Más filtros
inbox-language = Idioma de la página
inbox-any-language = Cualquier idioma
inbox-label = Etiqueta
inbox-any-label = Cualquier etiqueta
inbox-assigned = Asignado a
inbox-anyone = Cualquiera
inbox-me = Yo
inbox-with-code = Quien lo escribió guardó un código
inbox-select-all = Seleccionar todos los de esta página
inbox-select-none = Quitar las marcas
inbox-to-actions = Acciones para los marcados
inbox-col-kind = Tipo
inbox-col-language = Idioma
inbox-col-assigned = Asignado a
inbox-col-labels = Etiquetas
inbox-awaits-reply = Espera respuesta
inbox-labels-sealed = (selladas con una clave que no tienes)
inbox-nobody = Nadie
inbox-assign-legend = Asignar los testimonios marcados (una entrada en el registro de auditoría)
inbox-assign-to = Asignar a
inbox-assign-button = Asignar los marcados
inbox-label-legend = Etiquetar los testimonios marcados (las etiquetas se sellan; una entrada en el registro de auditoría)
inbox-label-text = Etiqueta
inbox-label-add = Añadir esta etiqueta
inbox-label-remove = Quitar esta etiqueta
testimony-awaits-reply = El último mensaje es de quien lo escribió y nadie le ha respondido todavía.
testimony-to-reply = Ir al formulario de respuesta
testimony-page-language = Enviado desde una página en
testimony-page-language-unknown = No se guardó (quien lo escribió no guardó ningún código)
testimony-assigned = Asignado a
testimony-assign-label = Quién lleva este testimonio
testimony-assign-save = Guardar
testimony-labels = Etiquetas
testimony-labels-hint = Desmarca una etiqueta para quitarla; escribe las nuevas abajo. Las etiquetas se sellan como las notas: solo pueden leerlas las personas del equipo que tienen las claves.
testimony-label-new = Etiqueta nueva { $n }
testimony-labels-save = Guardar las etiquetas
testimony-no-labels = Ninguna
export-thread-hint = Cada testimonio va con su conversación: los añadidos de quien lo escribió y las respuestas que se le enviaron. Un archivo CSV solo indica cuántos mensajes tiene cada conversación.
export-include-notes = Incluir las notas internas del equipo
audit-filter-testimony = Testimonio (su identificador de 32 caracteres)
audit-entry-title = Entrada de auditoría { $seq }
audit-entry-open = Ver la lista
audit-entry-subjects = { $n ->
    [one] Se refiere a { $n } testimonio
   *[other] Se refiere a { $n } testimonios
}
audit-entry-subjects-hint = Cada identificador lleva a todas las entradas de auditoría sobre ese testimonio.
audit-entry-none = Esta entrada no se refiere a ningún testimonio.
audit-entry-back = Volver al registro de auditoría
alerts-heading = Alertas
alerts-none = No hay alertas configuradas: el equipo solo se entera de los testimonios nuevos al iniciar sesión. Define notify_smtp_url o notify_webhook (consulta la sección «Alerts» del README).
alerts-channels = Se envían por
alerts-channel-mail = correo electrónico
alerts-channel-webhook = webhook
alerts-next = Próxima hora de alerta (solo sale una alerta si ha llegado algo)
alerts-last = Última alerta entregada
alerts-never = Ninguna desde que se inició el servidor
alerts-what = Una alerta solo dice que hay algo esperando y dónde iniciar sesión: nunca un testimonio, un tipo, un identificador ni una palabra de un código.
alerts-failing = Las alertas por { $channel } fallan desde el { $since }: { $reason } (intentos: { $attempts }). Se reintentan hasta la próxima hora de alerta.
alerts-see = Ver las alertas
alerts-failure-setup = no se pudo usar la configuración
alerts-failure-connect = no se pudo establecer ninguna conexión
alerts-failure-tls = falló la conexión segura
alerts-failure-timeout = el servidor tardó demasiado en responder
alerts-failure-refused = el servidor rechazó el mensaje o la autenticación
alerts-failure-deferred = el servidor pidió volver a intentarlo más tarde
alerts-failure-http = el webhook respondió con el error { $code }
notify-subject = Hay algo esperando en { $site }
notify-waiting = Hay algo nuevo esperando al equipo en { $site }.
notify-counts = Testimonios nuevos desde la última alerta: { $statements }. Añadidos a testimonios: { $followups }.
notify-where = Inicia sesión para leerlo: { $url }
notify-why-so-little = Esta alerta no dice nada más a propósito: lo escrito solo se puede leer después de iniciar sesión.
err-assign-unknown = No hay ninguna persona activa del equipo con ese nombre.
err-audit-testimony = El identificador de un testimonio tiene 32 caracteres: cifras del 0 al 9 y letras de la a a la f.
err-label-control = Una etiqueta no puede contener caracteres de control.
err-label-empty = Primero escribe la etiqueta.
err-label-long = Una etiqueta puede tener como máximo 40 caracteres.
err-labels-many = Un testimonio puede llevar como máximo 12 etiquetas.
err-labels-no-key = No se pueden cambiar las etiquetas en esta sesión: no tiene la clave más reciente. Pide a alguien con rol de administración que te dé acceso a ella.
err-unknown-language = Ese no es un idioma de este sitio.
err-unknown-needs = Filtro desconocido.

## Seguridad de las personas supervivientes: salir, un formulario guardado una sola vez, tu seguridad en este dispositivo, próximas cifras
received-already = Esto ya se había recibido: no se ha guardado nada nuevo. (Se envió otra vez el mismo formulario, por ejemplo al volver atrás.)
nav-safety = Tu seguridad
safety-link = Tu seguridad en este dispositivo
safety-title = Tu seguridad en este dispositivo
safety-lead = Lo que haces aquí puede dejar rastros en el teléfono o el ordenador que usas. Aquí tienes lo que Chorus hace al respecto, lo que no puede hacer y lo que puedes hacer tú.
safety-leave-heading = «Salir de este sitio»
safety-leave-does = El botón rojo de la parte superior de cada página te lleva al instante a una página de pronóstico del tiempo. Por el camino, pide a tu navegador que olvide las páginas de este sitio que guarda para el botón Atrás, así que Atrás no muestra nada de lo que escribiste o recibiste y no vuelve a enviar nada. Con JavaScript activado, pulsar tres veces la tecla Mayús o Shift hace lo mismo.
safety-leave-cannot = No puede borrar tu historial de navegación, las demás pestañas abiertas, las capturas de pantalla ni un código que hayas anotado. Si alguien puede mirar este dispositivo, borra también este sitio del historial o usa una ventana privada.
safety-history-heading = Historial de navegación
safety-history = El historial de tu navegador muestra los sitios que has visitado, incluido este. Puedes borrar entradas sueltas: abre el menú del navegador, luego Historial, busca este sitio y elimínalo. Borrarlo todo de una vez puede, por sí solo, parecer raro a alguien que lo revise.
safety-private-heading = Ventanas privadas
safety-private = Una ventana privada (de incógnito) no conserva historial, cookies ni datos de formularios una vez que la cierras. No oculta tu visita a tu proveedor de internet, a la red de tu trabajo o de tu centro de estudios, ni a los programas de vigilancia instalados en el dispositivo.
safety-shared-heading = Teléfonos y ordenadores compartidos o vigilados
safety-shared = Si otra persona usa este dispositivo, conoce su código de desbloqueo o puede haber instalado un programa de vigilancia («stalkerware»), puede ver lo que escribes aquí. Si puedes, usa un dispositivo al que esa persona no tenga acceso —un ordenador de una biblioteca, el teléfono de alguien de confianza— y cierra la sesión de todo lo que hayas abierto.
safety-tor-heading = Tor Browser
safety-tor = Tor Browser oculta a tu red qué sitio visitas y no guarda historial. Chorus funciona por completo en él, incluso en su nivel de seguridad «El más seguro», con JavaScript desactivado. Si esta campaña ofrece una dirección onion, es la forma más privada de llegar a ella.
safety-code-heading = Tu código
safety-code = Si pediste un código, quien lo tenga puede leer las respuestas del equipo, añadir algo a lo que escribiste o retirarlo. Guárdalo en un lugar al que solo tú tengas acceso, o no lo guardes: nadie puede buscarlo por ti, y tu testimonio se queda con el equipo en cualquier caso.
safety-help = Buscar a alguien con quien hablar
counts-next-html = Las próximas cifras se publicarán el <time datetime="{ $datetime }">{ $when }</time>.
counts-day-closes = Los testimonios de un día se cuentan cuando ese día ha terminado (UTC), en la primera publicación posterior.
error-code-order = Estas son las palabras de un código, pero no en su orden. Escríbelas en el orden en que estaban numeradas.
receipt-numbered = Copia las palabras en este orden; las mayúsculas, las tildes y los espacios no importan.
# A shared link's title: the page title, then the total.
share-title = { $title }: { $total }
