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
}

/// The `after` value of the request for the page following `page`, or `None` at the end: when
/// `has_more` is false, the cursor is missing or empty, or the page is empty.
pub fn next_after<P: Page + ?Sized>(page: &P) -> Option<String> {
    if !page.has_more() || page.is_empty() {
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

    #[test]
    fn continues_only_with_more_a_cursor_and_items() {
        assert_eq!(
            next_after(&Fake(true, Some("g_9"), 3)).as_deref(),
            Some("g_9")
        );
        assert_eq!(next_after(&Fake(false, Some("g_9"), 3)), None);
        assert_eq!(next_after(&Fake(true, None, 3)), None);
        assert_eq!(next_after(&Fake(true, Some(""), 3)), None);
        assert_eq!(next_after(&Fake(true, Some("g_9"), 0)), None);
    }
}
