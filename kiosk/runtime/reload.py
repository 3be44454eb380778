"""Hot reload: watch content and settings files, reload them after edits, report the outcome."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from kiosk.core.content.problems import ContentError, Problem
from kiosk.core.sources import Loaded, LoadError, with_folders

log = logging.getLogger(__name__)

DEBOUNCE_MS = 400  # editors write a file in several steps; wait until they are done


class ContentReloader(QObject):
    """Reloads with ``load`` shortly after any watched file or folder changes.

    Emits ``content_reloaded(Loaded)`` for a good change and ``reload_refused(ContentError)``
    for a bad one; the caller keeps its last good content. Watches folders as well as files, so
    editors that save by writing a new file and renaming it over the old one are seen too, and
    the files of a refused load, so that fixing them is seen. A missing file or folder is
    watched through its nearest existing parent, so that putting it back is seen too.
    ``refused`` is the error of a first load that failed while ``current`` stands in for it.
    """

    content_reloaded = Signal(object)
    reload_refused = Signal(object)

    def __init__(
        self,
        load: Callable[[], Loaded],
        current: Loaded,
        parent: QObject | None = None,
        *,
        refused: ContentError | None = None,
    ):
        super().__init__(parent)
        self._load = load
        self.current = current
        self.problems: tuple[Problem, ...] = refused.problems if refused else ()
        self._failed_sources = _sources(refused)
        self.last_reload: datetime | None = None
        self._watcher = QFileSystemWatcher(self)
        self._watcher.fileChanged.connect(self._changed)
        self._watcher.directoryChanged.connect(self._changed)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(DEBOUNCE_MS)
        self._debounce.timeout.connect(self.reload_now)
        self._watch()

    def watched(self) -> list[str]:
        return self._watcher.files() + self._watcher.directories()

    def _watch(self) -> None:
        """(Re)watch every current path: a file replaced by rename drops its old watch."""
        if old := self.watched():
            self._watcher.removePaths(old)
        wanted = [*self.current.watched_paths(), *self._failed_sources]
        paths = sorted({str(found) for path in wanted if (found := _nearest_existing(path))})
        if paths:
            self._watcher.addPaths(paths)

    def _changed(self, _path: str) -> None:
        self._debounce.start()

    def reload_now(self) -> None:
        self.last_reload = datetime.now()
        try:
            loaded = self._load()
        except ContentError as error:
            if error.problems != self.problems:  # the same problems again are not news
                log.error("content change refused; keeping the last good content:\n%s", error)
            self.problems = error.problems
            self._failed_sources = _sources(error)
            self._watch()
            self.reload_refused.emit(error)
            return
        unchanged = loaded.same_content_as(self.current)
        fixed = bool(self.problems)
        self.current = loaded
        self.problems = ()
        self._failed_sources = []
        self._watch()
        if unchanged:  # e.g. an editor's swap file appeared beside the real ones
            if fixed:
                log.info("content problems fixed; patients see the same content as before")
            return
        for warning in loaded.warnings:
            log.warning("%s", warning)
        log.info("content reloaded from %s", loaded.content_dir)
        self.content_reloaded.emit(loaded)


def _sources(error: ContentError | None) -> list[Path]:
    """The files and folders a failed load read (to see them fixed), with those named."""
    if error is None:
        return []
    tried = error.sources if isinstance(error, LoadError) else ()
    return [*with_folders(tried), *(problem.file for problem in error.problems)]


def _nearest_existing(path: Path) -> Path | None:
    """``path`` if it is there, else the nearest folder above it that is."""
    for candidate in (path, *path.parents):
        if os.path.exists(candidate):  # never raises, even where it may not look
            return candidate
    return None
