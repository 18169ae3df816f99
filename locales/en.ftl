# Chorus, English. Messages whose key ends in -html may hold a little markup (<strong>, <a>);
# every other message is shown as plain text. Plural forms follow CLDR.
# Translators: the comment above a message says how it is used when that is not obvious.
# On survivor and public pages, address the reader without assuming a gender where the
# language allows it; what the counts count is statements, never people.

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
nav-federation = Many campaigns
nav-resources = Find help
nav-languages = Languages
# "address" means the IP address, not a postal address.
footer-privacy = This site sets no cookies for visitors, loads nothing from anywhere else, and never records your IP address.
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
# A link to the counts: statements, not people.
landing-see-counts = See how many times “me too” has been said
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
# Label of the only publication-consent checkbox (unticked by default): ticking it is
# the survivor giving permission, so write it in the first person ("I agree…").
submit-consent = I agree that the team may publish a short excerpt, with anything that could identify anyone removed.
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
return-intro = If you asked for a code when you said “me too”, enter its words to see replies from the team, add something, or withdraw what you sent. Capitals, accents, spaces, numbers and punctuation do not matter, and a code works here in every language of this site.
return-code-label = Your code (its words, in order)
return-open = Open
return-no-lookup = We do not keep codes, so we cannot look one up or send it again.

## Your statement (with a code)
thread-title = Your statement
thread-not-shown = What you sent is not shown here: it was locked for the team the moment it arrived, and even your code cannot open it. So anyone who finds your code cannot read it either.
# A <dt> label; the date follows in the <dd>.
thread-received = Received
thread-status = Status
thread-replies = Replies from the team
thread-no-replies = No replies yet.
thread-add = Add something
thread-add-label = What you would like to add
thread-add-button = Add
thread-withdraw = Withdraw
# "Your statement", not "withdrawing", is what leaves the counts.
thread-withdraw-explained = Withdrawing deletes what you sent, any additions and the team’s replies. Your statement leaves the public counts at the next publication. It cannot be undone, and your code will no longer open anything.
thread-withdraw-confirm = Yes, withdraw my statement
thread-withdraw-button = Withdraw

## Withdrawn
withdrawn-title = Withdrawn
withdrawn-lead = Your statement, anything you added and the team’s replies have been deleted.
withdrawn-counts = Your statement leaves the public counts at the next publication. Your code no longer opens anything. Copies in the organisers’ encrypted backups disappear as those backups expire.
withdrawn-help-html = If you would like to talk to someone, <a href="{ $href }">these services can help</a>.

## Built-in choices (an operator's own labels replace these)
category-harassment = Sexual harassment
category-assault = Sexual assault
category-rape = Rape
# Image-based abuse includes sharing, threats to share, covert recording and sexual fakes
# (deepfakes): do not narrow it to sharing only. Also a row label on the public counts.
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
# The page shows this with a number of minutes (at least 1).
error-network-busy = { $minutes ->
    [one] Very much has been sent from your network (your building, campus or provider) in the last hour, so this was not sent. Anything you wrote is still here: please send again in { $minutes } minute.
   *[other] Very much has been sent from your network (your building, campus or provider) in the last hour, so this was not sent. Anything you wrote is still here: please send again in { $minutes } minutes.
}
error-busy = Too many people are sending at this moment, so your words were not sent yet. They are still here: please try again in a minute.
error-storage-full = This site cannot store anything new right now: its storage is nearly full, and its organisers need to free some. Your words were not sent and are still here; please try again later.
error-not-open-kept = This site is not accepting statements yet: its organisers have not finished setting it up. Your words were not sent and are still here.
# $error is an error code for the operator, not "what happened" to the survivor.
error-internal-kept = Something went wrong on our side (incident { $error }). Your words were not sent and are still here; please try again later.
error-code-busy = { $minutes ->
    [one] A lot has been added with this code in the last hour, so this was not sent. What you wrote is still in the box: please send it again in { $minutes } minute.
   *[other] A lot has been added with this code in the last hour, so this was not sent. What you wrote is still in the box: please send it again in { $minutes } minutes.
}
error-thread-full = This statement already holds as many additions as it can. The team can read everything you added so far. If there is more to say, you can send a new statement from the “Say me too” page (what you wrote here is still in the box to copy).
error-code-unknown-word = We could not open anything with that code. Word { $n } is not one of the words codes are made of — please check its spelling.
error-code-word-count = We could not open anything with that code: a code does not have { $n } words. Please check for a missing or an extra word.
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
# Counts statements, not people (see counts-what). Also the page title, the share title
# (the code appends ": " and the total) and the headline of the share card.
counts-title = How many times “me too” has been said
counts-published = Published { $when }.
counts-none-yet = No figures have been published yet. They are published at fixed times, not as statements arrive.
# "spam": junk or automated submissions, never "unwanted" or "disturbing" testimonies.
counts-policy-received = Counted: every statement received, less what staff found to be spam and what people withdrew.
counts-policy-reviewed = Counted: statements that advocacy staff have read and reviewed.
# "drawn" as in drawn at random (not "withdrawn"); 95 % is a confidence level.
counts-noise = So that no one can be picked out — even by someone who floods this site with statements of their own — every figure carries a little random noise, drawn once and then kept: the total is within about ±{ $total } of the true count and each week within ±{ $week } (95 % of the time).
counts-noise-kinds = Each kind is within about ±{ $kinds }.
counts-noise-tail = The total moves at most once a day. (Differential privacy, ε = { $epsilon }.)
# Rounded down to the nearest multiple of n, not "to the smallest multiple".
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
# Alt text of the embeddable badge: statements, not people.
counts-badge-alt = Me too: the number of statements
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
badge-label = me too
# The share description: what is counted is statements, not people.
counts-share-description = Survivors of sexual harassment and assault say “me too”; their statements are counted without naming anyone.
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

## Refusals: why a form or a link was not accepted (staff and shared)
err-bad-credentials = Those details did not match.
err-admins-only = This page is for admins.
err-totp-secret-changed = The authenticator secret on the form was changed. Please start again from the link.
err-form-unknown-field = The form was sent with a field it does not have. Please use the form on this page.
err-form-incomplete = The form did not arrive completely. Please send it again.
err-form-encoding = The form arrived in an encoding we cannot read, so nothing was stored. Please use the form on this site.
err-page-link = That page link is not valid.
err-unknown-action = Unknown action filter.
err-username-too-long = That username is too long.
err-export-format = Choose format=json or format=csv.
err-unknown-status = Unknown status filter.
err-selected-id = A selected testimony id is not valid.
err-export-too-many = Select at most 100 testimonies, or export them all.
err-export-none-ticked = Tick the testimonies to export first; nothing was exported.
err-choose-status = Choose one of the statuses listed.
err-confirm-delete = Tick the box to confirm the deletion; nothing was deleted.
err-confirm-first = Nothing was changed. Tick the box to confirm first.
err-form-expired = This form has expired or did not come from this site. Please go back, reload the page and try again.
err-day-format = The day must look like 2026-12-01.
err-unknown-category = Unknown category filter.
err-ticked-id = A ticked testimony id is not valid.
err-bulk-too-many = At most 1,000 testimonies can be changed at once.
err-login-expired = This login form has expired. Please reload the page and try again.
err-choose-role = Choose a role: reviewer or admin.
err-confirm-grant = Nothing was granted. First compare the key fingerprint with the one the new member's page shows, then tick the box to say they match.
err-confirm-disable = Nobody was disabled. Tick the box to confirm: disabling ends their access and rotates the keys.
err-totp-secret = The authenticator secret is not valid.
# Only a–z, 0–9, ".", "_" and "-" are accepted (capitals are lower-cased).
err-username-format = Usernames are 1 to 64 characters: letters a–z (no accents), digits, dots, dashes or underscores.
err-passphrase-short = Please choose a passphrase of at least 15 characters, such as the suggested words.
err-passphrase-long = That passphrase is too long (1024 bytes at most).
err-totp-code = That code did not match. Check the time on your phone, and enter the 6 digits your authenticator app shows now.
err-no-epoch = No epoch key exists yet.
err-note-empty = The note is empty.
err-note-long = Notes hold up to 10,000 characters.
err-note-control = The note contains control characters.
err-cannot-adjust = Your keys cannot open this testimony, so its counts cannot be adjusted. Ask an admin to grant you access.
err-day-malformed = The testimony's day is malformed.
err-rotated-writing = The keys changed while you were writing (a rotation). Please send it again.
err-no-receipt = This testimony has no receipt code, so no reply can reach its author.
err-no-recipients = There is no one to seal a new epoch key to: run set-up first.
err-rotated-granting = The keys changed while you were granting (a rotation). Please try again.
err-bulk-none-ticked = Tick the testimonies to change first; nothing was changed.
err-cannot-open = Your keys cannot open this testimony.
err-no-text = A bare “me too” has no text to compare, so nothing was changed.
err-no-invitation = There is no open invitation for that username.
err-username-taken = Someone already has that username.
err-no-such-member = No such active staff member.
err-disable-self = You cannot disable yourself.
err-last-admin = The last admin cannot be disabled.
err-recovery-key = This recovery key does not belong to this deployment.
account-language-unknown = Choose one of the languages listed.

## Staff pages: every page
staff-nav = Staff
staff-nav-inbox = Inbox
staff-nav-admin = Staff & keys
staff-nav-audit = Audit log
staff-nav-export = Export
staff-nav-account = Your account
staff-nav-logout = Log out { $username }
staff-session-kept = If it ends while you write a note or a reply, your words are kept.
session-ends-in = Your session ends in { $left }.
session-ends-idle = Your session ends after { $idle } without activity, and in { $left } at the latest.
span-minutes = { $m } min
span-hours = { $h } h
span-hours-minutes = { $h } h { $m } min
staff-clear-filters = Clear the filters
staff-show = Show
staff-newer = ← Newer
staff-older = Older →
staff-pages = Pages
staff-yes = yes
staff-no = no
staff-not-given = not given

## Your account
account-title = Your account
account-language-heading = Language of the staff pages
account-language-label = Show the staff pages in
account-language-default = The site’s default language
account-language-save = Save the language
account-language-saved = Saved. The staff pages now use this language.
account-password-heading = Change your passphrase
account-password-current = Current passphrase
account-password-new = New passphrase
account-password-hint = At least 15 characters. A suggestion:
account-password-save = Change passphrase
account-password-changed = Your passphrase is changed. Use the new one from your next login.
account-password-mismatch = Your current passphrase did not match.
triage-status-new = New
triage-status-read = Read
triage-status-in_progress = In progress
triage-status-resolved = Resolved
triage-status-spam = Spam
format-json = JSON Lines
format-csv = CSV

## Inbox
inbox-title = Inbox
inbox-deleted = The testimony and its notes were deleted.
inbox-changed = { $n ->
    [one] { $n } testimony changed (one entry in the audit log).
   *[other] { $n } testimonies changed (one entry in the audit log).
}
inbox-none-left = Saved. No new testimonies are left.
inbox-by-status = Filter by status
inbox-all = All
inbox-received-on = Received on
inbox-kind = Kind
inbox-any-kind = Any kind
inbox-with-text = With a written statement only
inbox-nothing = Nothing here.
inbox-caption = Newest day first. Within a day the order is random: Chorus keeps no arrival time. Opening a testimony is recorded in the audit log.
inbox-select = Select
inbox-select-row = Select the testimony received { $day }
inbox-col-received = Received
inbox-col-status = Status
inbox-col-code = Code
inbox-col-beginning = Beginning
# Appended right after "yes" (staff-yes), for screen readers only.
inbox-code-yes = : replies reach the author
inbox-bulk-legend = The ticked testimonies (a flood is cleared a page at a time; one audit entry each time)
inbox-bulk-status = Give them the status
inbox-bulk-change = Change the ticked
inbox-export-legend = Export the ticked testimonies (decrypted; recorded in the audit log)
inbox-export-selected = Export selected…
inbox-none-match = None match.
inbox-position = { $first }–{ $last } of { $total }
inbox-scan-stopped = { $shown } found among the { $read } testimonies read so far (each page reads at most { $max }). Search on with “Older”.
inbox-scan-done = { $shown } shown; { $read } testimonies were read to find them.
inbox-me-too = (“me too”, no statement)

## One testimony
testimony-title = Testimony
testimony-heading = Testimony received { $day }
testimony-status = Status
testimony-kind = Kind
testimony-where = Where
testimony-consent = May publish an excerpt
testimony-consent-yes = yes, anonymised
testimony-spam-hint = Spam leaves the public counts at the next publication.
testimony-save-status = Save status
testimony-save-next = Save and open the next new one
testimony-wrote = What they wrote
testimony-me-too = No statement: a “me too”.
testimony-thread = Thread
testimony-thread-empty = No notes, additions or replies yet.
testimony-earlier = Earlier messages
testimony-latest = Latest messages
testimony-note-heading = Internal note
testimony-note-badge = staff only
testimony-note-label = Note for the team (sealed like the testimony; the author never sees it)
testimony-note-add = Add internal note
testimony-reply-heading = Reply to the author
# The cue that separates a reply (sent outside the staff) from an internal note.
testimony-reply-badge = leaves the team
testimony-reply-label = Your reply to the author
testimony-reply-warning = Whoever holds the author’s code reads this
# Follows testimony-reply-warning on the same line.
testimony-reply-hint = — usually the author, but perhaps someone who took the code from them. Write nothing that would endanger them if read by someone else, and nothing meant only for the team.
testimony-reply-send = Send reply to the author
testimony-no-code = The author did not ask for a code, so no reply can reach them.
testimony-flood-heading = A flood of the same text?
testimony-flood-confirm = Mark as spam every statement received on { $day } with exactly this text (up to 1,000 at a time; one entry in the audit log)
testimony-flood-button = Mark all copies as spam
testimony-delete-heading = Delete
testimony-delete-confirm = Delete this testimony and its thread for good (counts already published stay; copies in backups go as the backups expire)
testimony-delete-button = Delete
message-heading-note = Staff note
message-heading-follow_up = Added by the author
message-heading-reply = Reply to the author
message-readers-note = staff only — the author never sees it
message-readers-follow_up = from whoever holds the author’s code
message-readers-reply = sent to whoever holds the author’s code

## A session that ended while someone wrote
ended-title = your session ended
ended-heading-note = Your session ended, so your note was not sent
ended-heading-reply = Your session ended, so your reply was not sent
ended-intro = Sessions end after a while without activity, to protect the testimonies if a screen is left open. What you wrote is below: copy it, log in again, open the testimony and paste it.
ended-label-note = Your note, not sent
ended-label-reply = Your reply, not sent
ended-login = Log in again (in a new tab)
ended-hint = Logging in in a new tab keeps this page, and your words, open here.

## Staff and keys
role-admin = admin
role-reviewer = reviewer
admin-title = Staff and keys
admin-staff-caption = Everyone who has, or had, access. A new member can read nothing until an admin grants access.
admin-col-username = Username
admin-col-role = Role
admin-col-state = State
admin-col-fingerprint = Key fingerprint
admin-col-actions = Actions
admin-col-action = Action
admin-col-until = Open until
admin-state-disabled = disabled
admin-state-locked = locked for now
admin-state-active = active
admin-state-waiting = waiting for access
# A checkbox label; a <code> element with the fingerprint follows it.
admin-grant-compared = { $username } read me their fingerprint and it matches
admin-grant = Grant access
admin-disable-confirm = Disable { $username }: their access ends and the keys rotate
admin-disable = Disable
admin-grant-hint = Before granting, ask the new member to read you the key fingerprint their enrolment page showed (by phone or in person, not by e-mail), and compare it with the one above.
admin-invitations = Open invitations
admin-invitations-none = None: every invitation was used, withdrawn or has expired.
admin-invitations-caption = Links not yet used. Withdraw one if it may have reached the wrong person.
admin-withdraw = Withdraw
admin-invite-heading = Invite someone
admin-invite-username = Username for them
admin-role-reviewer-hint = Reviewer: reads and triages testimonies
admin-role-admin-hint = Admin: also manages staff, keys and exports
admin-invite-create = Create invitation link
admin-keys = Keys
admin-keys-text = Rotating starts a new epoch key for everything submitted from now on. Disabling someone rotates automatically.
admin-rotate = Rotate keys now
admin-settings = Settings in force
admin-settings-hint = Set in chorus.toml or CHORUS_* variables; a restart applies changes.
admin-min-cell = Smallest published count
admin-interval = Publication interval
admin-seconds = { $n ->
    [one] { $n } second
   *[other] { $n } seconds
}
admin-retention = Retention
admin-categories = Categories
admin-done-granted = Access granted. Compare the key fingerprint with the one the new member was shown.
admin-done-disabled = Disabled. Their keys open nothing new: a new epoch key is in use.
admin-done-rotated = A new epoch key is in use for everything submitted from now on.
admin-done-revoked = The invitation is withdrawn: its link opens nothing any more.
invited-title = Invitation
invited-heading = Invitation for { $username }
invited-text = Give this link to { $username } through a channel you trust. It works once, for 24 hours, and is not shown again.
invited-then = When they have chosen a passphrase, come back to this page to grant access:

## Audit log
audit-title = Audit log
audit-intact = { $n ->
    [one] The chain of its { $n } entry is intact.
   *[other] The chain of all { $n } entries is intact.
}
audit-broken = The chain is BROKEN at entry { $seq } (expected entry { $expected }).
audit-head = Newest entry’s hash (note it down elsewhere from time to time; a later check that ends elsewhere shows entries were cut from the end):
audit-what = Every login, decryption, export, deletion and key operation by staff. Survivors’ actions are never recorded.
audit-filter-action = What
audit-everything = Everything
audit-filter-actor = Who (username)
audit-summary = Entries { $first } to { $last }, newest first; { $total } match in all.
audit-none = No entries match.
audit-col-when = When (UTC)
audit-col-who = Who
audit-col-what = What
audit-col-detail = Detail
audit-when = { $date }, { $time }

## Export
export-title = Export
export-heading = Export testimonies
export-warning-strong = The file holds the testimonies decrypted, in plain text.
# Staff safety warning: once the file leaks, the leak cannot be undone.
export-warning = Anyone who gets it can read every word, and once it leaks it cannot be taken back. Save it only on an encrypted disk you control — never in a shared, synced or cloud folder, never as an e-mail attachment — and delete it when you are done. The export is recorded in the audit log with your name.
export-selected = { $n ->
    [one] What: the { $n } testimony ticked in the inbox.
   *[other] What: the { $n } testimonies ticked in the inbox.
}
export-what = What
export-every = Every testimony
export-only = Only those marked “{ $status }”
export-format = Format
export-format-json = JSON Lines (one testimony per line)
export-format-csv = CSV (for a spreadsheet)
export-download = Download the decrypted file
export-back = Back to the inbox without exporting

## Staff login
login-title = Staff login
login-failed = That did not work. Check your username, passphrase and the code from your authenticator app. Each code works once: if you have just set up your account or logged in, wait for your app to show the next code. After several failed attempts an account is locked for a while.
login-username = Username
login-passphrase = Passphrase
login-code = Code from your authenticator app
login-code-hint = Six digits, or one of your one-time recovery codes.
login-button = Log in
login-sessions = { $minutes ->
    [one] Logging in unlocks the testimonies for this session only. Sessions end after { $minutes } minute without activity, and when the server restarts.
   *[other] Logging in unlocks the testimonies for this session only. Sessions end after { $minutes } minutes without activity, and when the server restarts.
}

## Joining: the first admin's set-up, and an invitation
enrol-passphrase-hint = At least 15 characters. A suggestion, made just now:
enrol-passphrase-again = The same passphrase again
enrol-passphrase-again-hint = A typo here would lock you out of your key for good: no one can reset it.
enrol-authenticator = Authenticator app
enrol-add-here = Add it to an authenticator app on this device
enrol-add-here-note = (if the app is on the phone or computer showing this page)
enrol-code = The 6-digit code the app shows now
err-passphrases-differ = The two passphrases were not the same, so nothing was set up. Please type your passphrase in both boxes again (the authenticator code stays the same).
invite-title = Join
invite-heading = Welcome, { $username }
invite-intro = Choose a passphrase and connect an authenticator app. Your passphrase unlocks your own key; it is never stored, and no one can reset it. After this, an admin grants you access.
invite-scan = Scan this code, or type the secret below into your app.
invite-join = Join
enrolled-title = Almost there
enrolled-heading = Almost there, { $username }
enrolled-fingerprint = Your key fingerprint:
enrolled-tell = Tell it to the admin who invited you, by phone or in person: they compare it before granting you access.
enrolled-codes-heading = One-time recovery codes — shown only now
enrolled-codes-text = If you lose your phone, each of these works once instead of a code from the app. Keep them somewhere safe.
enrolled-login = Go to the login page
closed-title = link not valid
closed-heading = This set-up link is not valid
closed-already = This site has already been set up.
closed-expired = Set-up links work once and expire after 24 hours. Restart the server to print a new one.
closed-go = Go to the site
setup-title = Set up
setup-heading = Set up the first admin
setup-intro = This link works once. You will choose a username and a passphrase, connect an authenticator app, and then see a recovery key once. Your passphrase unlocks your key; it is never stored, and no one can reset it.
setup-username-hint = Letters a–z (no accents), digits, dots, dashes or underscores.
setup-passphrase-hint = At least 15 characters. A suggestion, made just now and shown only to you:
setup-scan = Scan this code with an authenticator app (for example Aegis, FreeOTP or Google Authenticator), or type the secret below into it.
setup-button = Set up
setup-done-title = Set-up complete
setup-done-heading = Chorus is ready
setup-done-lead = Admin { $username } is set up, and the site now accepts statements.
setup-done-fingerprint = Your key fingerprint:
setup-done-key-heading = Your recovery key — shown only this once
setup-done-key-text = Print it or write it down and keep it offline, somewhere safe. It is not stored anywhere. If every admin loses their passphrase, it is the only way back in; anyone who has it together with a copy of the database can read every testimony, so guard it like the testimonies themselves.
setup-done-written = I have written down or printed the recovery key, and kept it offline
setup-done-continue = Continue to the staff login

## Signed counts, and a federation of counters
counts-signed-heading = Signed counts
counts-signed-text = Every publication is signed with this site’s key and names the one before it, so anyone can check these figures came from here and that no earlier one was rewritten.
counts-signed-link = Signed figures
counts-history-link = Every publication so far
counts-signed-key = Publication key
counts-signed-fingerprint = Its fingerprint
federation-title = Counts from many campaigns
federation-lead = { $members ->
    [one] statements, from { $members } campaign whose signed figures check out.
   *[other] statements, from { $members } campaigns whose signed figures check out.
}
federation-how = Each campaign runs its own site and publishes its own counts, signed. This site fetches them, checks each signature and that no campaign rewrote or replayed its past, and adds up those that check out. No statement ever leaves the campaign that received it.
federation-privacy = Adding published figures reveals nothing new: each campaign’s figures are already rounded and carry noise, so no one can be singled out of the sum.
federation-witnessed = { $n ->
    [one] Each campaign’s figures are also checked against its public log, which at least one witness must have cosigned. A witness cosigns a log only if it extends everything that witness saw of it before, so a campaign cannot show one history here and another elsewhere without being caught. It proves what each campaign published, not that its figures are true.
   *[other] Each campaign’s figures are also checked against its public log, which at least { $n } witnesses must have cosigned. A witness cosigns a log only if it extends everything that witness saw of it before, so a campaign cannot show one history here and another elsewhere without being caught. It proves what each campaign published, not that its figures are true.
}
federation-left-out = { $n ->
    [one] { $n } campaign is left out of the sum for now (see below).
   *[other] { $n } campaigns are left out of the sum for now (see below).
}
federation-below-min = { $n ->
    [one] { $n } campaign in the sum has fewer than its smallest published count, so it adds nothing yet.
   *[other] { $n } campaigns in the sum have fewer than their smallest published count, so they add nothing yet.
}
federation-none-yet = No campaign has been checked yet.
federation-checked = Last checked { $when }.
federation-caption = Each campaign’s latest verified figures.
federation-col-campaign = Campaign
federation-col-statements = Statements
federation-col-pledges = Pledges
federation-col-published = Published
federation-col-state = State
federation-state-waiting = not checked yet
federation-state-ok = verified, in the sum
federation-state-stale = verified, but silent for days: left out
federation-state-unreachable = could not be reached: left out
federation-state-failed = did not verify: left out
federation-reason-timeout = it did not answer in time
federation-reason-connect = no connection
federation-reason-http-status = it answered with an error
federation-reason-too-large = its answer was too large
federation-reason-not-json = its answer was not signed figures
federation-reason-signature = the signature does not match its key
federation-reason-not-a-snapshot = what it signed is not a set of counts
federation-reason-replayed = it showed an older publication than one already seen
federation-reason-rewritten = its history was rewritten
federation-reason-gap-too-long = too many publications since the last check to verify
federation-reason-future = its figures are dated in the future
federation-reason-time-backwards = its clock went back since the last check
federation-reason-storage = this site could not record the check
federation-reason-implausible = a figure larger than any campaign could have (over the bound this site sets)
federation-reason-too-fast = its figures rose faster than this site accepts since they were last added up
federation-reason-quorum = its log was not cosigned by enough of this site's witnesses
federation-reason-log-inconsistent = its log does not extend the one verified before
federation-reason-not-in-log = its snapshot is not the newest entry of its log
# The code should pass $days as a number (plural); it is the federation_stale_days setting.
federation-reason-stale = { $days ->
    [one] nothing new for over { $days } day
   *[other] nothing new for over { $days } days
}
# Shown in the "Published" column when no verified publication is recorded (for example
# while the campaign cannot be reached): not a claim that it never published.
federation-never = none verified yet
federation-json = These figures as JSON
federation-share-description = Statements counted by campaigns that each publish signed figures, added up.

## Casework: replies owed, assignment, labels, filters, alerts
inbox-needs-reply = Needs a reply
inbox-assigned-me = Assigned to me
inbox-more-filters = More filters
inbox-language = Page language
inbox-any-language = Any language
inbox-label = Label
inbox-any-label = Any label
inbox-assigned = Assigned to
inbox-anyone = Anyone
inbox-me = Me
inbox-with-code = The author kept a code
inbox-select-all = Select all on this page
inbox-select-none = Clear the ticks
inbox-to-actions = Actions for the ticked
inbox-col-kind = Kind
inbox-col-language = Language
inbox-col-assigned = Assigned
inbox-col-labels = Labels
inbox-awaits-reply = Awaits a reply
inbox-labels-sealed = (sealed under a key you do not hold)
inbox-nobody = Nobody
inbox-assign-legend = Assign the ticked testimonies (one entry in the audit log)
inbox-assign-to = Assign to
inbox-assign-button = Assign the ticked
inbox-label-legend = Label the ticked testimonies (labels are sealed; one entry in the audit log)
inbox-label-text = Label
inbox-label-add = Add this label
inbox-label-remove = Take this label away
testimony-awaits-reply = The author wrote last and nobody has replied yet.
testimony-to-reply = Go to the reply form
testimony-page-language = Sent from a page in
testimony-page-language-unknown = Not kept (the author kept no code)
testimony-assigned = Assigned to
testimony-assign-label = Who is on this testimony
testimony-assign-save = Save
testimony-labels = Labels
testimony-labels-hint = Untick a label to take it away; type new ones below. Labels are sealed like notes: only staff with the keys can read them.
testimony-label-new = New label { $n }
testimony-labels-save = Save the labels
testimony-no-labels = None
export-thread-hint = Each testimony comes with its thread: the author’s follow-ups and the replies sent to them. A CSV file gives only how many messages each thread holds.
export-include-notes = Include the team’s internal notes
audit-filter-testimony = Testimony (its 32-character id)
audit-entry-title = Audit entry { $seq }
audit-entry-open = List them
audit-entry-subjects = { $n ->
    [one] The { $n } testimony it is about
   *[other] The { $n } testimonies it is about
}
audit-entry-subjects-hint = Each id leads to every audit entry about that testimony.
audit-entry-none = This entry is about no testimony.
audit-entry-back = Back to the audit log
alerts-heading = Alerts
alerts-none = No alerts are set up: the team learns of new testimonies only by logging in. Set notify_smtp_url or notify_webhook (see the README, “Alerts”).
alerts-channels = Sent by
alerts-channel-mail = E-mail
alerts-channel-webhook = Webhook
alerts-next = Next alert time (an alert goes out only if something arrived)
alerts-last = Last alert delivered
alerts-never = Not yet since the server started
alerts-what = An alert says only that something is waiting and where to log in: never a testimony, a kind, an id or a code word.
alerts-failing = { $channel } alerts are failing since { $since }: { $reason } (attempts so far: { $attempts }). They are retried until the next alert time.
alerts-see = See the alerts
alerts-failure-setup = the settings could not be used
alerts-failure-connect = no connection could be made
alerts-failure-tls = the secure connection failed
alerts-failure-timeout = the server took too long
alerts-failure-refused = the server refused the message or the login
alerts-failure-deferred = the server asked to try again later
alerts-failure-http = the webhook answered with error { $code }
notify-subject = Something is waiting in { $site }
notify-waiting = Something new is waiting for the team in { $site }.
notify-counts = Since the last alert: { $statements } new testimonies, { $followups } follow-ups.
notify-where = Log in to read it: { $url }
notify-why-so-little = This alert says nothing more on purpose: what was written can only be read after logging in.
err-assign-unknown = There is no active staff member with that name.
err-audit-testimony = A testimony’s id is 32 characters, 0–9 and a–f.
err-label-control = A label cannot hold control characters.
err-label-empty = Type the label first.
err-label-long = A label can be at most 40 characters long.
err-labels-many = A testimony can carry at most 12 labels.
err-labels-no-key = Labels cannot be changed in this session: it does not hold the newest key. Ask an admin to grant it.
err-unknown-language = That is not a language of this site.
err-unknown-needs = Unknown filter.

## Survivor safety: leaving, a form stored once, staying safe on this device, next figures
received-already = This was already received — nothing new was saved. (The same form was sent again, for example by going back.)
nav-safety = Staying safe
safety-link = Staying safe on this device
safety-title = Staying safe on this device
safety-lead = What you do here can leave traces on the phone or computer you use. Here is what Chorus does about it, what it cannot do, and what you can do.
safety-leave-heading = “Leave this site”
safety-leave-does = The red button at the top of every page takes you at once to a weather page. On the way, it asks your browser to forget the pages of this site it keeps for the Back button, so Back shows nothing of what you wrote or received and sends nothing again. With JavaScript on, pressing Shift three times does the same.
safety-leave-cannot = It cannot erase your browsing history, other open tabs, screenshots, or a code you wrote down. If someone may look at this device, also delete this site from the history, or use a private window.
safety-history-heading = Browsing history
safety-history = Your browser’s history lists the sites you visited, this one included. You can delete single entries: open the browser’s menu, then History, find this site and remove it. Deleting everything at once can itself look unusual to someone who checks.
safety-private-heading = Private windows
safety-private = A private (incognito) window keeps no history, cookies or form entries once you close it. It does not hide your visit from your internet provider, your employer’s or school’s network, or monitoring software on the device.
safety-shared-heading = Shared or watched phones and computers
safety-shared = If someone else uses this device, knows its passcode, or may have installed monitoring software (“stalkerware”), they may see what you type here. If you can, use a device they cannot reach — a library computer, a trusted friend’s phone — and sign out of anything you opened.
safety-tor-heading = Tor Browser
safety-tor = Tor Browser hides which site you visit from your network and keeps no history. Chorus works fully in it, also at its “Safest” setting with JavaScript off. If this campaign offers an onion address, that is the most private way to reach it.
safety-code-heading = Your code
safety-code = If you asked for a code, anyone who has it can read the team’s replies, add to what you wrote or withdraw it. Keep it somewhere only you can reach, or do not keep it: nobody can look it up for you, and your statement stays with the team either way.
safety-help = Find someone to talk to
counts-next-html = The next figures come on <time datetime="{ $datetime }">{ $when }</time>.
counts-day-closes = A day’s statements are counted once that day has closed (UTC), at the first publication after it.
error-code-order = These are the words of a code, but not in its order. Please type them in the order they were numbered.
receipt-numbered = Copy the words in this order; capitals, accents and spaces do not matter.
# A shared link's title: the page title, then the total.
share-title = { $title }: { $total }
