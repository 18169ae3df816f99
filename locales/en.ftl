# Chorus, English. Messages whose key ends in -html may hold a little markup (<strong>, <a>);
# every other message is shown as plain text. Plural forms follow CLDR.

## Every page
skip-link = Skip to content
site-leave = Leave this site
site-leave-shortcut = (or press Shift 3 times)
nav-site = Site
nav-home = Home
nav-submit = Say me too
nav-counts = Counts
nav-return = Come back with a code
nav-pledge = I will
nav-resources = Find help
nav-languages = Languages
footer-privacy = This site sets no cookies for visitors, loads nothing from anywhere else, and never records your address.
error-prefix = Error:

## About this campaign
about-heading = About this campaign
kept-until-deleted = Statements are kept until the team deletes them.
kept-for-days = { $n ->
    [one] Statements are deleted after { $n } day.
   *[other] Statements are deleted after { $n } days.
}

## Landing page
landing-title = You are not alone.
landing-lead-html = If you have experienced sexual harassment or assault, you can say <strong>“me too”</strong> here — with or without telling what happened. No name, no e-mail, no account.
landing-button = Me too
landing-more-html = One tap is enough: it is counted, and nothing else is asked. If you would like to say more, you can <a href="{ $href }">tell as much or as little as you want</a>.
not-open = This site is not accepting statements yet: its organisers are still setting it up.
landing-what-happens = What happens to what you send
landing-locked = It is locked (encrypted) the moment it arrives. Only the advocacy staff of this campaign can unlock it.
landing-no-trace = We never record your IP address, your browser, or the exact time — only the day.
landing-totals = The public sees only totals, with a little noise added, so that no single person can be picked out.
landing-see-counts = See how many have spoken up
landing-find-help = Find help now

## The form
submit-title = Say me too
submit-intro = Every part of this form is optional. Sending it on its own says “me too” and is counted. What you write is locked the moment it arrives; only the campaign’s advocacy staff can read it.
submit-statement-label = What happened, if you want to tell
optional = (optional)
optional-any = (optional, choose any)
statement-limit = Write as much or as little as you like, in any language. Please leave out names, including yours, if you do not want them read. Up to { $n } characters.
submit-categories = What was it?
submit-setting = Where did it happen?
submit-setting-none = I’d rather not say
submit-sharing = Sharing
submit-consent = The staff may publish a short excerpt, with anything that could identify anyone removed.
submit-hearing-back = Hearing back
submit-want-receipt = Give me a code to come back: to read replies, add something, or withdraw
submit-receipt-hint = The code is 8 words, shown once. We do not keep it, so keep it safe and private.
submit-receipt-language = With a code, the team also sees which language this page was in, so they can reply in it.
submit-send = Send
submit-nothing-saved = Nothing is saved until you press Send. You can close this page at any time.

## Received
received-title = Received
received-heading = Received. Thank you.
received-story = Your words were received and locked away safely. Only the campaign’s advocacy staff can read them.
received-me-too = Your “me too” was received.
receipt-heading = Your code to come back
receipt-write-down-html = <strong>Write it down now</strong>, on paper or somewhere only you can see. It is shown only this once.
receipt-private-html = <strong>Keep it private.</strong> Anyone who has it can read the replies, add to what you wrote, or withdraw it.
receipt-lost-html = <strong>If you lose it, there is no way back</strong>: we do not keep it, so no one can look it up or reset it.
receipt-return-html = With it, you can come back to <a href="{ $href }">the return page</a> to see replies, add something, or withdraw.
received-counted = It will be part of the public count the next time the figures are published — together with everyone else’s, never on its own.
received-not-your-fault-html = Whatever happened, it was not your fault. If you would like to talk to someone, <a href="{ $href }">these services can help</a>.
received-see-counts = See the counts

## Coming back with a code
return-title = Come back
return-heading = Come back with your code
return-intro = If you asked for a code when you said “me too”, enter its 8 words to see replies from the team, add something, or withdraw what you sent. Capitals, spaces and punctuation do not matter.
return-code-label = Your 8-word code
return-open = Open
return-no-lookup = We do not keep codes, so we cannot look one up or send it again.

## Your statement (with a code)
thread-title = Your statement
thread-not-shown = What you sent is not shown here: it was locked for the team the moment it arrived, and even your code cannot open it. So anyone who finds your code cannot read it either.
thread-received = Received
thread-status = Status
thread-replies = Replies from the team
thread-no-replies = No replies yet.
thread-add = Add something
thread-add-label = What you would like to add
thread-add-button = Add
thread-withdraw = Withdraw
thread-withdraw-explained = Withdrawing deletes what you sent, any additions and the team’s replies. It leaves the public counts at the next publication. It cannot be undone, and your code will no longer open anything.
thread-withdraw-confirm = Yes, withdraw my statement
thread-withdraw-button = Withdraw

## Withdrawn
withdrawn-title = Withdrawn
withdrawn-lead = Your statement, anything you added and the team’s replies have been deleted.
withdrawn-counts = It leaves the public counts at the next publication. Your code no longer opens anything. Copies in the organisers’ encrypted backups disappear as those backups expire.
withdrawn-help-html = If you would like to talk to someone, <a href="{ $href }">these services can help</a>.

## Built-in choices (an operator's own labels replace these)
category-harassment = Sexual harassment
category-assault = Sexual assault
category-rape = Rape
category-online = Online abuse or image-based abuse
category-stalking = Stalking
category-other = Something else
setting-work = At work
setting-education = At school or university
setting-home = At home or in the family
setting-public = In a public place
setting-online = Online
setting-other = Somewhere else

## What the survivor's pages say when something is refused (the text is always kept)
error-too-long = What you wrote is longer than { $n } characters. Please shorten it a little; nothing has been sent.
error-control-character = What you wrote contains invisible control characters we cannot store. Please remove them (pasting as plain text usually helps); nothing has been sent.
error-unknown-choice = One of the choices sent is not on this form. Please choose again from the list; nothing has been sent.
error-unexpected-field = The form was sent with a field it does not have, or a field twice. Please use the form on this page; nothing has been sent.
error-cross-site-kept = This form was sent from another website, so nothing was sent. If that was you, please use the form on this page: anything you wrote is still here.
notice-pressed-enter = Nothing has been sent yet: pressing Enter does not send this form. Everything you wrote and chose is still here — press Send when you are ready.
error-network-busy = { $minutes ->
    [one] Very much has been sent from your network (your building, campus or provider) in the last hour, so this was not sent. Anything you wrote is still here: please send again in { $minutes } minute.
   *[other] Very much has been sent from your network (your building, campus or provider) in the last hour, so this was not sent. Anything you wrote is still here: please send again in { $minutes } minutes.
}
error-busy = Too many people are sending at this moment, so your words were not sent yet. They are still here: please try again in a minute.
error-storage-full = This site cannot store anything new right now: its storage is nearly full, and its organisers need to free some. Your words were not sent and are still here; please try again later.
error-not-open-kept = This site is not accepting statements yet: its organisers have not finished setting it up. Your words were not sent and are still here.
error-internal-kept = Something went wrong on our side (incident { $error }). Your words were not sent and are still here; please try again later.
error-code-busy = { $minutes ->
    [one] A lot has been added with this code in the last hour, so this was not sent. What you wrote is still in the box: please send it again in { $minutes } minute.
   *[other] A lot has been added with this code in the last hour, so this was not sent. What you wrote is still in the box: please send it again in { $minutes } minutes.
}
error-thread-full = This statement already holds as many additions as it can. The team can read everything you added so far. If there is more to say, you can send a new statement from the “Say me too” page (what you wrote here is still in the box to copy).
error-code-unknown-word = We could not open anything with that code. Word { $n } is not one of the words codes are made of — please check its spelling.
error-code-word-count = We could not open anything with that code. Codes have 8 words; we found { $n }.
error-code-not-found = We could not open anything with that code. Please check each word. If the statement was withdrawn, nothing can be found any more.
error-nothing-to-add = There was nothing to add.
notice-added = Added. The team will see it with what you wrote before.
error-withdraw-confirm = To withdraw, tick the box that confirms it; nothing was deleted.
status-new = Received. The team has not read it yet.
status-in-progress = The team is working on it.
status-resolved = The team has finished working on it.
status-read = Read by the team.

## Dates: "1 December 2026"
date-long = { $day } { $month } { $year }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## Counts
counts-title = How many have said me too
counts-published = Published { $when }.
counts-none-yet = No figures have been published yet. They are published at fixed times, not as statements arrive.
counts-policy-received = Counted: every statement received, less what staff found to be spam and what people withdrew.
counts-policy-reviewed = Counted: statements that advocacy staff have read and reviewed.
counts-noise = So that no one can be picked out — even by someone who floods this site with statements of their own — every figure carries a little random noise, drawn once and then kept: the total is within about ±{ $total } of the true count and each week within ±{ $week } (95 % of the time).
counts-noise-kinds = Each kind is within about ±{ $kinds }.
counts-noise-tail = The total moves at most once a day. (Differential privacy, ε = { $epsilon }.)
counts-rounding = Figures are rounded down to a multiple of { $n }, and anything smaller shows as “fewer than { $n }”.
fewer-than = fewer than { $n }
counts-by-week = By week
counts-week-caption = Statements received per closed week (the same figures as the chart)
counts-week-col = Week
counts-statements-col = Statements
counts-no-weeks = No closed weeks published yet.
counts-by-kind = By kind
counts-kind-caption = People could choose more than one, or none.
counts-kind-caption-noise = Each statement counts under one of the kinds it names (chosen at random when it names several). Updated every four weeks.
counts-kind-col = Kind
counts-pledges = Pledges to act so far: { $n }.
counts-add-pledge = Add your pledge.
counts-share = Share
counts-embed = Embed the live count on your own site (it loads nothing else):
counts-badge-alt = Me too: how many have spoken up
counts-json = The same figures as JSON
date-time = { $date }, { $time } UTC

## I will
pledge-title = I will
pledge-lead = “Me too” showed how many. “I will” is the answer: a promise to act. Pledges are counted like statements — anonymously, and published as rounded totals.
pledge-so-far = So far: { $n } pledges.
pledge-error-cross-site = This form was sent from another website, so nothing was sent. If that was you, please use the buttons on this page.
pledge-error-field = The form was sent with a field it does not have. Please use the buttons on this page.
pledge-error-unknown = That pledge is not one of the choices here. Please pick one of the buttons.
pledge-error-busy = Very many people are pledging right now. Please try again in a minute.
pledge-error-storage-full = This site cannot store anything new right now: its storage is nearly full. Please try again later.
pledged-title = Thank you.
pledged-choice = Your pledge — “{ $pledge }” — was received.
pledged-plain = Your pledge was received.
pledged-when = It will show in the count the next time the figures are published.
pledge-speak_up = I will speak up when I see harassment
pledge-believe = I will believe survivors
pledge-consent = I will respect consent, always

## Find help
resources-title = Find help
resources-lead = If you are in danger now, call your local emergency number. These services listen, believe you, and will not make you do anything you do not want to.
resource-1-name = RAINN National Sexual Assault Hotline (US)
resource-1-description = Free, confidential support, 24 hours a day.
resource-2-name = Rape Crisis (England and Wales)
resource-2-description = Free 24/7 support line for anyone aged 16 or over.
resource-3-name = Emergency services
resource-3-description = If you are in danger now, call your local emergency number.
counts-what = Each figure counts statements, not people: anyone can say me too, once or more, and many never do.
counts-what-since = Each figure counts statements, not people: anyone can say me too, once or more, and many never do. Counted since the week of { $since }.
counts-week-of = Week of { $date }
counts-legend = A dashed outline marks a week with fewer than { $n }.
counts-embed-label = Code to embed the count
counts-share-description = Survivors of sexual harassment and assault saying “me too”, counted without naming anyone.
counts-chart-title = Statements received per week
counts-chart-desc = Bar chart of the most recent closed weeks, each bar labelled with its figure; the table below lists every week.
date-short = { $day } { $month }
month-short-1 = Jan
month-short-2 = Feb
month-short-3 = Mar
month-short-4 = Apr
month-short-5 = May
month-short-6 = Jun
month-short-7 = Jul
month-short-8 = Aug
month-short-9 = Sep
month-short-10 = Oct
month-short-11 = Nov
month-short-12 = Dec
counts-total-includes = The total also counts the days of this week so far; the weeks below list only weeks that have ended.

## Error pages
error-title-unreadable = We could not read that
error-title-login = Please log in
error-login-message = Your session has ended or you are not logged in. Please log in again.
error-title-refused = That was refused
error-cross-site-message = This form was sent from another website, so it was refused.
error-title-not-found = Page not found
error-not-found-message = There is no page at this address. The links below lead back.
error-title-not-available = Not available
error-not-available-message = This page cannot be used that way. Please use the links on the page.
error-title-too-large = Too long to receive
error-too-large-message = What was sent is larger than this site accepts, so nothing was stored. A statement can hold up to 20,000 characters. What you wrote is still in the form: use your browser’s Back button to return to it and shorten it.
error-title-timeout = That took too long
error-timeout-message = The form arrived too slowly, so nothing was stored. Please go back and send it again.
error-unsupported-message = Please use the form on this site; nothing was stored.
error-title-check = Please check the form
error-title-busy = Very busy right now
error-busy-message = Too many people are using the site at this moment, and nothing was stored. Please try again in a minute.
error-title-internal = Something went wrong
error-internal-message = Nothing you sent was stored. Please try again later. If you tell the organisers, mention incident { $incident }.
error-login-again = Log in again
error-back-to-start = Back to the start
