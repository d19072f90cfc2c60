"""The package's public surface: what `import eventwire` promises."""

from __future__ import annotations

import eventwire


def test_public_api_all_names_exist() -> None:
    for name in eventwire.__all__:
        assert hasattr(eventwire, name), name


def test_public_api_all_is_sorted_and_unique() -> None:
    names = [n for n in eventwire.__all__ if n != "__version__"]
    assert names == sorted(set(names), key=names.index)
    assert len(set(names)) == len(names)
