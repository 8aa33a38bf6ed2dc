"""The JSON contract: schema validation and the curated public surface."""

import json
from importlib import resources

import jsonschema

import broadsheet
from broadsheet.samples import sample_text


def schema():
    return json.loads(resources.files("broadsheet.schema").joinpath("page.schema.json").read_text(encoding="utf-8"))


def test_sample_output_validates_against_schema():
    page = broadsheet.restore(sample_text())
    jsonschema.validate(json.loads(page.to_json()), schema())


def test_schema_rejects_a_broken_page():
    page = json.loads(broadsheet.restore(sample_text()).to_json())
    page["articles"][0]["body"][0]["kind"] = "poem"
    try:
        jsonschema.validate(page, schema())
    except jsonschema.ValidationError:
        return
    raise AssertionError("an unknown body kind passed the schema")


def test_exported_members_match_all():
    import types

    public = {name for name in dir(broadsheet)
              if not name.startswith("_") and not isinstance(getattr(broadsheet, name), types.ModuleType)}
    assert public <= set(broadsheet.__all__)
    for name in broadsheet.__all__:
        assert hasattr(broadsheet, name)
