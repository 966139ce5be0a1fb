//! A list's pages and the stream of its items. Which page comes next is the core's
//! [`next_after`] (the rule of the package's page classes); the next page's request is the
//! previous one with that `after`.

use std::fmt;
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
        let next = self.next_request().map(|r| (self.client.clone(), r));
        ItemStream::new(State::Items {
            items: self.page.into_items().into_iter(),
            next,
        })
    }
}

enum State<E: Endpoint>
where
    E::Output: ListModel,
{
    Start(Client, Result<ApiRequest>),
    Items {
        items: std::vec::IntoIter<Item<E>>,
        next: Option<(Client, ApiRequest)>,
    },
    Done,
}

#[cfg(not(target_arch = "wasm32"))]
type Boxed<T> = Pin<Box<dyn Stream<Item = T> + Send>>;
#[cfg(target_arch = "wasm32")]
type Boxed<T> = Pin<Box<dyn Stream<Item = T>>>;

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
    inner: Boxed<Result<Item<E>>>,
}

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
        Self::new(State::Start(client, request))
    }

    fn new(state: State<E>) -> Self {
        ItemStream {
            inner: Box::pin(futures_util::stream::unfold(state, step::<E>)),
        }
    }
}

async fn step<E: Endpoint>(mut state: State<E>) -> Option<(Result<Item<E>>, State<E>)>
where
    E::Output: ListModel,
{
    loop {
        state = match state {
            State::Done => return None,
            State::Start(_, Err(error)) => return Some((Err(error), State::Done)),
            State::Start(client, Ok(request)) => match Page::<E>::fetch(client, request).await {
                Ok(page) => {
                    let next = page.next_request().map(|r| (page.client.clone(), r));
                    State::Items {
                        items: page.page.into_items().into_iter(),
                        next,
                    }
                }
                Err(error) => return Some((Err(error), State::Done)),
            },
            State::Items { mut items, next } => match items.next() {
                Some(item) => return Some((Ok(item), State::Items { items, next })),
                None => match next {
                    Some((client, request)) => State::Start(client, Ok(request)),
                    None => return None,
                },
            },
        };
    }
}

impl<E: Endpoint> Stream for ItemStream<E>
where
    E::Output: ListModel,
{
    type Item = Result<Item<E>>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.inner.as_mut().poll_next(cx)
    }
}
