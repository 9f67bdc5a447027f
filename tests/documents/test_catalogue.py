"""The indicator catalogue and its synonyms."""

from zhenxing.documents.extraction import CATALOGUE, normalise_indicator


def code(text: str) -> str | None:
    entry = normalise_indicator(text)
    return entry.code if entry else None


def test_it_maps_synonyms_to_one_code():
    assert code("地区生产总值") == code("GDP") == code("全市地区生产总值") == "gdp"


def test_the_longest_synonym_wins():
    assert code("单位地区生产总值能耗") == "energy_intensity"
    assert code("城镇常住居民人均可支配收入") == "urban_disposable_income"
    assert code("农村常住居民人均可支配收入") == "rural_disposable_income"


def test_it_ignores_spaces_and_full_width_letters():
    assert code("ＰＭ2.5 平均浓度") == "pm25"


def test_unknown_indicators_give_none():
    assert normalise_indicator("新能源产业集群产值") is None
    assert normalise_indicator("") is None


def test_codes_are_unique_and_names_are_their_own_synonyms():
    codes = [entry.code for entry in CATALOGUE]
    assert len(codes) == len(set(codes))
    assert all(entry.name in entry.synonyms for entry in CATALOGUE)


def test_plan_indicators_of_five_year_plans_are_catalogued():
    assert code("城镇化率") == code("常住人口城镇化率") == "urbanisation_rate"
    assert code("森林覆盖率") == "forest_cover"
    assert code("研发投入强度") == "rnd_intensity" and code("研发投入") == "rnd_spending"
    assert code("规上工业总产值") == "industrial_output"
