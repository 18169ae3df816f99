//! What an alert says. Built only from the site's name, the staff address and — with
//! `notify_detail = "counts"` — how many arrived: it has no way to say anything else.

use crate::config::NotifyDetail;
use crate::i18n::Tr;

use super::Arrived;

/// What every alert needs to say where to look, in the deployment's default language.
#[derive(Clone)]
pub struct AlertText {
    pub tr: Tr,
    pub site_name: String,
    /// The staff pages' address, `…/review`.
    pub staff_url: String,
}

/// One alert, ready for any channel.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alert {
    pub subject: String,
    /// Plain text, a few lines.
    pub body: String,
    /// Where to look.
    pub url: String,
}

impl Alert {
    pub fn compose(text: &AlertText, detail: NotifyDetail, arrived: Arrived) -> Alert {
        let tr = &text.tr;
        let site = text.site_name.as_str();
        let mut lines = vec![tr.t1("notify-waiting", "site", site)];
        if detail == NotifyDetail::Counts {
            lines.push(tr.args(
                "notify-counts",
                &[
                    ("statements", tr.number(arrived.statements)),
                    ("followups", tr.number(arrived.follow_ups)),
                ],
            ));
        }
        lines.push(tr.t1("notify-where", "url", &text.staff_url));
        lines.push(String::new());
        lines.push(tr.t("notify-why-so-little"));
        Alert {
            subject: tr.t1("notify-subject", "site", site),
            body: lines.join("\n"),
            url: text.staff_url.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::*;
    use crate::i18n::{Catalogs, Language};

    fn text() -> AlertText {
        AlertText {
            tr: Tr::new(Language::En, Arc::new(Catalogs::shipped())),
            site_name: "Chorus".to_owned(),
            staff_url: "https://chorus.example.org/review".to_owned(),
        }
    }

    #[test]
    fn an_alert_says_where_to_look_and_no_number_unless_asked() {
        let arrived = Arrived {
            statements: 7,
            follow_ups: 3,
        };
        let plain = Alert::compose(&text(), NotifyDetail::None, arrived);
        assert!(plain.body.contains("https://chorus.example.org/review"));
        assert!(
            !plain.body.contains('7') && !plain.body.contains('3'),
            "{}",
            plain.body
        );
        assert!(!plain.subject.chars().any(|c| c.is_ascii_digit()));
        let counted = Alert::compose(&text(), NotifyDetail::Counts, arrived);
        assert!(
            counted.body.contains('7') && counted.body.contains('3'),
            "{}",
            counted.body
        );
    }
}
