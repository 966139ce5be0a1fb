//! Where the next page starts.
//!
//! Every list pages with `after`. Most return the next cursor as `next`; the organization users
//! list returns `first_id`/`last_id` instead, and its next page starts after `last_id`.

/// A page of a cursor-paginated list.
pub trait Page {
    /// Whether the server said more items follow.
    fn has_more(&self) -> bool;
    /// The cursor the server gave for the next page, if any.
    fn cursor(&self) -> Option<&str>;
    /// How many items this page holds.
    fn len(&self) -> usize;
    /// Whether this page holds no item.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
    /// Whether an empty page ends the list: the users list's `last_id` cursor does (the official
    /// `ConversationCursorPage`); a `next` cursor goes on past an empty page (`NextCursorPage`).
    fn ends_on_empty_page(&self) -> bool {
        false
    }
}

/// The `after` value of the request for the page following `page`, or `None` at the end, as the
/// official page classes decide: when `has_more` is false, when the cursor is missing or empty,
/// or, for the lists that end on an empty page, when the page is empty.
pub fn next_after<P: Page + ?Sized>(page: &P) -> Option<String> {
    if !page.has_more() || (page.ends_on_empty_page() && page.is_empty()) {
        return None;
    }
    page.cursor()
        .filter(|cursor| !cursor.is_empty())
        .map(str::to_owned)
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fake(bool, Option<&'static str>, usize);
    struct Users(Fake);

    impl Page for Fake {
        fn has_more(&self) -> bool {
            self.0
        }
        fn cursor(&self) -> Option<&str> {
            self.1
        }
        fn len(&self) -> usize {
            self.2
        }
    }

    impl Page for Users {
        fn has_more(&self) -> bool {
            self.0.has_more()
        }
        fn cursor(&self) -> Option<&str> {
            self.0.cursor()
        }
        fn len(&self) -> usize {
            self.0.len()
        }
        fn ends_on_empty_page(&self) -> bool {
            true
        }
    }

    #[test]
    fn an_empty_page_ends_only_the_lists_that_end_on_one() {
        assert_eq!(
            next_after(&Fake(true, Some("g_9"), 0)).as_deref(),
            Some("g_9")
        );
        assert_eq!(next_after(&Users(Fake(true, Some("u_9"), 0))), None);
        assert_eq!(
            next_after(&Users(Fake(true, Some("u_9"), 2))).as_deref(),
            Some("u_9")
        );
    }

    #[test]
    fn continues_only_with_more_and_a_cursor() {
        assert_eq!(
            next_after(&Fake(true, Some("g_9"), 3)).as_deref(),
            Some("g_9")
        );
        assert_eq!(next_after(&Fake(false, Some("g_9"), 3)), None);
        assert_eq!(next_after(&Fake(true, None, 3)), None);
        assert_eq!(next_after(&Fake(true, Some(""), 3)), None);
    }
}
