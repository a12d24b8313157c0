"""`sketch estimate FILE --scale K`: the load along the flows at K times today's traffic, in
text and JSON, on a design whose figures are worked out by hand (tests/helpers/shop.py)."""

# ruff: noqa: RUF001  (the expected derivations use the multiplication sign)

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

from tests.helpers.cli import Sketch
from tests.helpers.shop import SHOP_LINE, write_shop


def _json(sketch: Sketch, *args: str | Path) -> dict[str, Any]:
    result = sketch("estimate", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    return data


def _components(data: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in data["load"]["components"]}


def test_text_says_what_breaks_first_and_each_components_load(
    sketch: Sketch, tmp_path: Path
) -> None:
    result = sketch("estimate", write_shop(tmp_path))
    assert result.exit_code == 0, result.output
    out = result.output
    assert "┌─ LOAD ALONG THE FLOWS (at today's traffic) " in out
    for line in (
        "│ Breaks first:",
        f"│   - {SHOP_LINE}",
        "│   - over capacity at today's traffic: app (110%)",
        "│ app (service):",
        "│   - 1,100 requests/s (peak 2,200/s): 1,000 reads/s, 100 writes/s",
        "│   - utilisation 110%, nodes declared / needed 2 / 3, saturates at 0.91x (requests)",
        "│   - requests: 2,200/s against 2 nodes × 1,000/s = 2,000/s (110%); needs 3",
        "│ db (database):",
        "│   - 200 requests/s (peak 400/s): 100 reads/s, 100 writes/s",
        "│   - Browse, step 3 (SELECT product): 1,000/s × 10% (misses at a 90% hit ratio) "
        "= 100 reads/s",
        "│   - writes: 200/s against 1 node × 1,000/s = 1,000/s (20%); needs 1",
        "│   - utilisation 20%, nodes declared / needed 1 / 1, saturates at 5x (writes)",
    ):
        assert f"\n{line}\n" in out, line
    assert "client (client)" not in out  # what carries no load is not listed


def test_scale_10_says_the_same_multiples_and_ten_times_the_load(
    sketch: Sketch, tmp_path: Path
) -> None:
    result = sketch("estimate", write_shop(tmp_path), "--scale", "10")
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith("What if: 10x today's traffic (every user count and rate")
    assert "┌─ LOAD ALONG THE FLOWS (at 10x today's traffic) " in out
    # Multiples are of today's traffic, whatever the scale asked for.
    assert f"\n│   - {SHOP_LINE}\n" in out
    assert "\n│   - over capacity at 10x today's traffic: app (1,100%), db (200%)\n" in out
    assert "\n│   - 11K requests/s (peak 22K/s): 10K reads/s, 1,000 writes/s\n" in out
    assert "\n│   - requests: 22K/s against 2 nodes × 1,000/s = 2,000/s (1100%); needs 22\n" in out


def test_json_gives_every_figure_of_every_component(sketch: Sketch, tmp_path: Path) -> None:
    data = _json(sketch, write_shop(tmp_path))
    load = data["load"]
    assert data["scale"] == 1 and load["scale"] == 1 and load["basis"] == "peak"
    assert load["breaks_first"] == "app" and load["saturation_line"] == SHOP_LINE
    app, cache, db = (_components(data)[name] for name in ("app", "cache", "db"))
    assert app["requests_per_second"] == {"average": 1100, "peak": 2200}
    assert app["reads_per_second"] == {"average": 1000, "peak": 2000}
    assert app["writes_per_second"] == {"average": 100, "peak": 200}
    assert app["nodes"] == {"declared": 2, "needed": 3}
    assert app["per_node"]["requests_per_second"] == 1000
    assert app["per_node"]["source"].startswith("rule of thumb: ~1K requests/s per app server")
    assert app["utilisation"] == pytest.approx(1.1)
    assert app["saturates_at"] == pytest.approx(2000 / 2200)
    assert app["tightest"] == "requests" and app["judged_at"] == "peak"
    assert app["derivation"] == [
        "Browse, step 1 (GET /products): 1,000/s = 1,000 reads/s",
        "Order, step 1 (POST /orders): 100/s = 100 writes/s",
    ]
    assert cache["saturates_at"] == pytest.approx(50)
    assert db["reads_per_second"]["average"] == pytest.approx(100)
    assert db["saturates_at"] == pytest.approx(5) and db["tightest"] == "writes"
    assert [d["name"] for d in db["dimensions"]] == ["requests", "writes"]
    assert db["dimensions"][1]["text"] == (
        "writes: 200/s against 1 node × 1,000/s = 1,000/s (20%); needs 1"
    )
    assert {w["name"]: w["average_per_second"] for w in load["workloads"]} == {
        "browse": 1000,
        "order": 100,
    }
    assert load["workloads"][0]["derivation"] == ["browse: declared: 1,000 requests/s"]
    assert load["unrouted"] == [] and load["problems"] == []


_AMOUNTS = (
    "requests_per_second",
    "reads_per_second",
    "writes_per_second",
)
_TOTALS = ("bytes_in_per_second", "bytes_out_per_second", "stored_bytes", "memory_bytes")


@pytest.mark.parametrize("design", ["shop", "twitter"])
def test_scale_10_multiplies_every_components_load_by_10(
    sketch: Sketch, tmp_path: Path, repo_root: Path, design: str
) -> None:
    path = write_shop(tmp_path) if design == "shop" else repo_root / "designs" / "twitter.py"
    today, tenfold = _json(sketch, path), _json(sketch, path, "--scale", "10")
    assert tenfold["scale"] == 10
    for name, now in _components(today).items():
        later = _components(tenfold)[name]
        for key in _AMOUNTS:
            for which in ("average", "peak"):
                before, after = now[key][which], later[key][which]
                assert (before is None) == (after is None), (name, key)
                if before is not None:
                    assert math.isclose(after, 10 * before, rel_tol=1e-9), (name, key, which)
        for key in _TOTALS:
            assert math.isclose(later[key], 10 * now[key], rel_tol=1e-9), (name, key)
        if now["saturates_at"] is not None:  # the same multiple of today's traffic
            assert math.isclose(later["saturates_at"], now["saturates_at"], rel_tol=1e-9)
            assert math.isclose(later["utilisation"], 10 * now["utilisation"], rel_tol=1e-9)
    # The estimates are recomputed at 10x too: ten times the users, the rates, the storage.
    figures, scaled = today["figures"], tenfold["figures"]
    for key in ("writes_per_second", "reads_per_second", "storage_per_year"):
        if figures[key] is not None:
            assert math.isclose(scaled[key]["value"], 10 * figures[key]["value"], rel_tol=1e-9)


def test_twitter_at_10x_has_two_billion_users(sketch: Sketch, repo_root: Path) -> None:
    result = sketch("estimate", repo_root / "designs" / "twitter.py", "--scale", "10")
    assert result.exit_code == 0, result.output
    assert "\n│   - 2B DAU\n" in result.output
    assert "\n│   - 2B users × 2 tweets/day = 4B tweets/day\n" in result.output


@pytest.mark.parametrize("value", ["0.5", "2.5x", "1e3"])
def test_any_positive_factor_is_a_scale(sketch: Sketch, tmp_path: Path, value: str) -> None:
    data = _json(sketch, write_shop(tmp_path), "--scale", value)
    expected = float(value.removesuffix("x"))
    assert data["scale"] == expected
    app = _components(data)["app"]
    assert app["requests_per_second"]["average"] == pytest.approx(1100 * expected)


@pytest.mark.parametrize("value", ["0", "-1", "nan", "inf", "-inf", "ten", "", "1e400"])
def test_a_bad_scale_is_a_usage_error(sketch: Sketch, tmp_path: Path, value: str) -> None:
    result = sketch("estimate", write_shop(tmp_path), f"--scale={value}")
    assert result.exit_code == 2, result.output
    assert f"--scale {value!r}: not a positive finite number" in result.output
    assert "help: give the multiple of today's traffic, e.g. --scale 10" in result.output
    assert "Traceback" not in result.output
