//! A list's pages and the stream of its items. Which page comes next is the core's
//! [`next_after`] (the rule of the package's page classes); the next page's request is the
//! previous one with that `after`.

use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;
use openai_admin_wasm::ops::{next_after, Endpoint};
use openai_admin_wasm::schema::ListModel;
use openai_admin_wasm::ApiRequest;

use crate::call::execute;
use crate::client::Client;
use crate::error::Result;

/// The item model of list `E`.
pub type Item<E> = <<E as Endpoint>::Output as ListModel>::Item;

/// One page of a list: its items, the whole page model (`has_more`, the cursors, any field the
/// spec does not name), and the way to the next page.
///
/// ```no_run
/// # async fn run(client: openai_admin::Client) -> Result<(), openai_admin::Error> {
/// let groups = client.admin().organization().groups();
/// let mut page = groups.list(openai_admin::models::ListParams { limit: Some(10), ..Default::default() }).await?;
/// loop {
///     for group in page.data() {
///         println!("{}", group.name);
///     }
///     match page.next_page().await? {
///         Some(next) => page = next,
///         None => break,
///     }
/// }
/// # Ok(())
/// # }
/// ```
pub struct Page<E: Endpoint>
where
    E::Output: ListModel,
{
    page: E::Output,
    request: ApiRequest,
    client: Client,
}

impl<E: Endpoint> fmt::Debug for Page<E>
where
    E::Output: ListModel + fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Page")
            .field("operation", &E::operation().name)
            .field("page", &self.page)
            .finish()
    }
}

impl<E: Endpoint> Page<E>
where
    E::Output: ListModel,
{
    pub(crate) async fn fetch(client: Client, request: ApiRequest) -> Result<Self> {
        let page = execute::<E::Output>(&client, E::operation(), &request).await?;
        Ok(Page {
            page,
            request,
            client,
        })
    }

    /// The items of this page.
    pub fn data(&self) -> &[Item<E>] {
        self.page.items()
    }

    /// The items of this page, taken.
    pub fn into_data(self) -> Vec<Item<E>> {
        self.page.into_items()
    }

    /// The whole page, as the core's page model holds it (`object`, `first_id`, `last_id`,
    /// `next`, and any field the spec does not name in `extra`).
    pub fn page(&self) -> &E::Output {
        &self.page
    }

    /// The page model, taken.
    pub fn into_page(self) -> E::Output {
        self.page
    }

    /// The page's `has_more`.
    pub fn has_more(&self) -> bool {
        self.page.has_more()
    }

    /// The `after` of the next page, or `None` when this is the last page.
    pub fn next_after(&self) -> Option<&str> {
        let op = E::operation();
        let cursor = op.cursor.and_then(|field| self.page.cursor(field));
        next_after(op, self.page.has_more(), self.page.items().len(), cursor)
    }

    /// Whether there is a next page.
    pub fn has_next_page(&self) -> bool {
        self.next_after().is_some()
    }

    fn next_request(&self) -> Option<ApiRequest> {
        let after = self.next_after()?;
        let mut request = self.request.clone();
        request.set_query("after", after);
        Some(request)
    }

    /// The next page, or `None` after the last one.
    pub async fn next_page(&self) -> Result<Option<Page<E>>> {
        match self.next_request() {
            Some(request) => Page::fetch(self.client.clone(), request).await.map(Some),
            None => Ok(None),
        }
    }

    /// This page's items, then every following page's, as a stream.
    pub fn into_stream(self) -> ItemStream<E>
    where
        E: 'static,
        Item<E>: Send + 'static,
        E::Output: Send + 'static,
    {
        let next = match self.next_request() {
            Some(request) => Next::Request(self.client, request),
            None => Next::Done,
        };
        ItemStream {
            items: self.page.into_items().into_iter(),
            next,
        }
    }
}

/// What an [`ItemStream`] does when its page's items run out.
enum Next<E: Endpoint>
where
    E::Output: ListModel,
{
    /// Request this page.
    Request(Client, ApiRequest),
    /// The page is on its way.
    Fetching(PageFuture<E>),
    /// The arguments were refused: the stream's one item.
    Refused(crate::error::Error),
    /// The last page is taken, or an error was yielded.
    Done,
}

#[cfg(not(target_arch = "wasm32"))]
type PageFuture<E> = Pin<Box<dyn Future<Output = Result<Page<E>>> + Send>>;
#[cfg(target_arch = "wasm32")]
type PageFuture<E> = Pin<Box<dyn Future<Output = Result<Page<E>>>>>;

/// Every item of a list, page after page: a [`futures_core::Stream`] of `Result<item>`. A page
/// is requested when the items before it have been taken. An error (a connection reset, an
/// answer of the wrong shape) is yielded once, and the stream ends after it.
///
/// ```no_run
/// # async fn run(client: openai_admin::Client) -> Result<(), openai_admin::Error> {
/// use futures_util::TryStreamExt;
/// let users: Vec<_> = client.admin().organization().users().list_all(None).try_collect().await?;
/// println!("{} users", users.len());
/// # Ok(())
/// # }
/// ```
pub struct ItemStream<E: Endpoint>
where
    E::Output: ListModel,
{
    // The current page's items are handed out straight from its vector; only a page's request
    // is a (boxed) future. An item is not moved through a future per item, as a stream built
    // from an `async` step function would move it (ARCHITECTURE.md, "Decisions").
    items: std::vec::IntoIter<Item<E>>,
    next: Next<E>,
}

// No field is pinned structurally: the page's future is boxed.
impl<E: Endpoint> Unpin for ItemStream<E> where E::Output: ListModel {}

impl<E: Endpoint> fmt::Debug for ItemStream<E>
where
    E::Output: ListModel,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ItemStream")
            .field("operation", &E::operation().name)
            .finish_non_exhaustive()
    }
}

impl<E: Endpoint + 'static> ItemStream<E>
where
    E::Output: ListModel + Send + 'static,
    Item<E>: Send + 'static,
{
    pub(crate) fn start(client: Client, request: Result<ApiRequest>) -> Self {
        ItemStream {
            items: Vec::new().into_iter(),
            next: match request {
                Ok(request) => Next::Request(client, request),
                Err(error) => Next::Refused(error),
            },
        }
    }
}

impl<E: Endpoint + 'static> Stream for ItemStream<E>
where
    E::Output: ListModel + Send + 'static,
    Item<E>: Send + 'static,
{
    type Item = Result<Item<E>>;

    fn poll_next(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        let this = self.get_mut();
        loop {
            if let Some(item) = this.items.next() {
                return Poll::Ready(Some(Ok(item)));
            }
            this.next = match std::mem::replace(&mut this.next, Next::Done) {
                Next::Done => return Poll::Ready(None),
                Next::Refused(error) => return Poll::Ready(Some(Err(error))),
                Next::Request(client, request) => {
                    Next::Fetching(Box::pin(Page::<E>::fetch(client, request)))
                }
                Next::Fetching(mut page) => match page.as_mut().poll(cx) {
                    Poll::Pending => {
                        this.next = Next::Fetching(page);
                        return Poll::Pending;
                    }
                    Poll::Ready(Err(error)) => return Poll::Ready(Some(Err(error))),
                    Poll::Ready(Ok(page)) => {
                        let next = match page.next_request() {
                            Some(request) => Next::Request(page.client, request),
                            None => Next::Done,
                        };
                        this.items = page.page.into_items().into_iter();
                        next
                    }
                },
            };
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        match self.next {
            Next::Done => (self.items.len(), Some(self.items.len())),
            Next::Refused(_) => (1, Some(1)),
            _ => (self.items.len(), None),
        }
    }
}
