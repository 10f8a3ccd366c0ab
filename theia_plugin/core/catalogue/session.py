"""One search, paged on demand: :class:`SearchSession` (Qt-free).

The dock asks for one page at a time ("Load more"), each from a new background task; the
backend's page generator is kept between them. A switchable feedback lets the task of each
page cancel the request in flight, although the generator was started by an earlier task.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from typing import Any

from theia_plugin.net.base import Feedback, is_canceled

from .model import CatalogueItem, SearchRequest

__all__ = ["FinalPage", "SearchSession"]


class _SwitchableFeedback:
    """Forwards to the feedback of the page being fetched."""

    def __init__(self) -> None:
        self.current: Feedback | None = None

    def isCanceled(self) -> bool:
        return is_canceled(self.current)

    def setProgress(self, progress: float) -> None:
        target = getattr(self.current, "setProgress", None)
        if target is not None:
            target(progress)


class FinalPage(list):
    """A page a backend knows to be the last one (e.g. from a total such as GEODES's
    ``context.matched``): the session is exhausted without asking for another page."""


class SearchSession:
    """Pages of ``catalogue.search(request)`` fetched one at a time (never two at once)."""

    def __init__(self, catalogue: Any, request: SearchRequest) -> None:
        self.catalogue = catalogue
        self.request = request
        self.pages_fetched = 0
        self.items_fetched = 0
        self.exhausted = False
        self._feedback = _SwitchableFeedback()
        self._pages: Iterator[list[CatalogueItem]] | None = None
        self._lock = threading.Lock()

    def next_page(self, feedback: Feedback | None = None) -> list[CatalogueItem]:
        """The next page ([] once there are no more results: :attr:`exhausted` is then true).

        Errors of the backend propagate (network errors, cancellation); after one the
        session is exhausted (a paged generator cannot resume after an exception).
        """
        with self._lock:
            if self.exhausted:
                return []
            self._feedback.current = feedback
            try:
                if self._pages is None:
                    self._pages = iter(self.catalogue.search(self.request, self._feedback))
                page = next(self._pages, None)
            except BaseException:
                self.exhausted = True
                raise
            finally:
                self._feedback.current = None
            if page is None:
                self.exhausted = True
                return []
            if isinstance(page, FinalPage):  # the backend knows there is no more
                self.exhausted = True
            self.pages_fetched += 1
            self.items_fetched += len(page)
            return list(page)
