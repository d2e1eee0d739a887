import pandas as pd
import pytest

from analysis import ParameterError
from analysis.contract import parse_day
from analysis.core import dates


def test_spans_keep_precision():
    s = pd.Series(["2015", "2015-08", "2015-08-17", None], dtype="string")
    out = dates.spans(s)
    assert out["precision"].tolist() == ["year", "month", "day", "unknown"]
    assert out["first"].tolist()[:3] == [pd.Timestamp("2015-01-01"), pd.Timestamp("2015-08-01"),
                                         pd.Timestamp("2015-08-17")]
    assert out["last"].tolist()[:3] == [pd.Timestamp("2015-12-31"), pd.Timestamp("2015-08-31"),
                                       pd.Timestamp("2015-08-17")]


@pytest.mark.parametrize("bad", ["2016-02-30", "2015-13", "15", "2015-8", "Aug 2015", "2015/08"])
def test_invalid_dates(bad):
    assert not dates.is_valid(pd.Series([bad], dtype="string")).iloc[0]


def test_leap_day_is_valid():
    assert dates.is_valid(pd.Series(["2016-02-29"], dtype="string")).iloc[0]


def test_display_at_own_precision():
    assert dates.display("2015") == "2015"
    assert dates.display("2015-08") == "August 2015"
    assert dates.display("2015-08-07") == "7 August 2015"
    assert dates.display(None) == "date not stated"


@pytest.mark.parametrize("bad", ["2016-02-30", "yesterday", "2016-2-3", ""])
def test_parse_day_rejects(bad):
    with pytest.raises(ParameterError):
        parse_day(bad)
