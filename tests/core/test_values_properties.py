"""Property tests for the readers: formatting a value the ways people type it reads back exactly."""
from decimal import Decimal

from hypothesis import given, strategies as st

from perfxl.core.values import Bad, Quantity, parse_target, read_amount, read_quantity, read_rate

amounts = st.decimals(min_value=Decimal("-1e9"), max_value=Decimal("1e9"), places=2, allow_nan=False, allow_infinity=False)
positive = st.decimals(min_value=Decimal("0.01"), max_value=Decimal("1e9"), places=2, allow_nan=False, allow_infinity=False)

FULL_WIDTH = str.maketrans("0123456789.,-%", "０１２３４５６７８９．，－％")


def plain(d: Decimal) -> str:
    return format(d, "f")


def with_commas(d: Decimal) -> str:
    return format(d, ",f")


@given(amounts)
def test_wan_yuan_text_round_trips(d):
    for text in (f"{plain(d)}万元", f"{plain(d)} 万元", f"{with_commas(d)}万元", plain(d), with_commas(d)):
        assert read_amount(text) == d, text


@given(amounts)
def test_full_width_round_trips(d):
    assert read_amount(f"{with_commas(d)}万元".translate(FULL_WIDTH)) == d


@given(amounts)
def test_yuan_to_wan_round_trip(d):
    yuan = read_amount(f"{with_commas(d)}元")
    assert yuan == d / 10000
    assert read_amount(f"{plain(yuan * 10000)}元", unit="元") == d
    assert read_amount(f"{plain(d)}万元", unit="元") == d * 10000


@given(positive)
def test_percent_text_is_a_fraction(d):
    assert read_rate(f"{plain(d)}%") == d / 100
    assert read_rate(f"{plain(d)}%".translate(FULL_WIDTH)) == d / 100
    assert read_rate(d) == d


@given(positive, st.sampled_from(["≥", ">=", "不低于", "不少于", "达到"]), st.sampled_from(["%", "万元", "个", "人次"]))
def test_forward_targets(d, op, unit):
    target = parse_target(f"{op}{with_commas(d)}{unit}")
    assert target.kind == "forward" and target.quantity == Quantity(d, unit)


@given(positive, st.sampled_from(["≤", "<=", "不高于", "不超过"]))
def test_reverse_targets(d, op):
    target = parse_target(f"{op}{plain(d)}万元")
    assert target.kind == "reverse" and target.quantity == Quantity(d, "万元")


@given(st.text(max_size=12))
def test_readers_never_raise(text):
    for reader in (read_amount, read_rate, read_quantity, parse_target):
        result = reader(text)
        assert result is None or isinstance(result, (Bad, Decimal, Quantity)) or hasattr(result, "kind")
