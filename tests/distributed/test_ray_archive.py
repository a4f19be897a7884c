"""Archive building on Ray: the archive equals one built locally, and a run stopped after some
commits keeps them; the rerun skips them and finishes the same archive."""
from __future__ import annotations

import json

import numpy as np
import pytest

from summarize.errors import UsageError

try:  # before summarize.archive (usearch): summarize.distributed checks the import order first
    from summarize.distributed.archive import build_archive_on_ray
except ImportError:
    pytest.skip("ray is not installed (the 'ray' extra)", allow_module_level=True)
except UsageError as exc:
    pytest.skip(f"{exc}; .ci/run runs tests/distributed in a process of its own", allow_module_level=True)

from summarize.archive import Archive  # noqa: E402
from summarize.claims.corpus import CorpusDoc  # noqa: E402


@pytest.fixture(scope="module")
def docs(indosum_lines) -> list[CorpusDoc]:
    out = []
    for _, raw in indosum_lines[:10]:  # the first ten lines are good articles
        rec = json.loads(raw)
        out.append(CorpusDoc(rec["id"], rec["text"], "2017-01-0%d" % (len(out) % 9 + 1)))
    return out + [CorpusDoc("kosong", "   ")]


@pytest.fixture(scope="module")
def local_archive(docs, tmp_path_factory):
    archive = Archive(tmp_path_factory.mktemp("local") / "local.db")
    for d in docs:
        archive.add(d.id, d.text, d.date, "indosum")
    yield archive
    archive.close()


def content(archive: Archive):
    """Everything stored per sentence (id, article, date, text, claims) and the vectors."""
    ids, vectors = zip(*archive.storage.vectors_after(0))
    sids = [int(i) for i in np.concatenate(ids)]
    rows = [archive.sentence(s) for s in sids]
    return len(archive), [(r.id, r.source, r.date, r.text, r.claims) for r in rows], np.concatenate(vectors)


class StopAfter:
    """The docs, but the driver dies (an exception out of its loop) after ``n`` of them."""

    def __init__(self, docs, n: int) -> None:
        self.docs, self.n = docs, n

    def __iter__(self):
        yield from self.docs[: self.n]
        raise KeyboardInterrupt


def test_ray_archive_equals_local_and_resumes(ray_local, docs, local_archive, tmp_path):
    path = tmp_path / "ray.db"
    with Archive(path) as archive, pytest.raises(KeyboardInterrupt):
        build_archive_on_ray(archive, StopAfter(docs, 5), source="indosum", chunk=2, window=5, progress=False)
    with Archive(path) as archive:
        assert len(archive) == 5  # every committed article survived the driver's death
        counts = build_archive_on_ray(archive, docs, source="indosum", chunk=2, window=5, progress=False)
        assert counts == {"added": len(docs) - 6, "unchanged": 5, "replaced": 0, "skipped": 1}
        assert archive.skipped == [("kosong", "empty text")]
        n, rows, vectors = content(archive)
        n_ref, rows_ref, vectors_ref = content(local_archive)
        assert (n, rows) == (n_ref, rows_ref) and len(rows) > 20
        np.testing.assert_array_equal(vectors, vectors_ref)
