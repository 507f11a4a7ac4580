"""News files as a run meets them: told apart by content, walked, broken, hostile, in other encodings."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import CASES

from factcheck.documents import iter_documents, iter_paths, read_file, read_text
from factcheck.documents.formats import json_format, sniff, xml_format
from factcheck.documents.json_source import parse_json
from factcheck.documents.xml_source import parse_xml
from factcheck.errors import InputError

FOLDER = CASES / "documents" / "formats"
BOMB = """<?xml version="1.0"?>
<!DOCTYPE nitf [
  <!ENTITY a "1234567890">
  <!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
  <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">
]>
<nitf><body><body.content><p>&c; people</p></body.content></body></nitf>
"""


def test_content_decides_the_format_of_json_and_xml_files():
    for name, fmt in (("ninjs-1.json", "ninjs"), ("ninjs-2.json", "ninjs"), ("ninjs-3.json", "ninjs"),
                      ("ans.json", "ans")):
        path = FOLDER / name
        assert sniff(str(path), "json") == fmt
        assert json_format(parse_json(path.read_text(encoding="utf-8"), name)) == fmt
    for name, fmt in (("nitf.xml", "nitf"), ("nitf-date-issue.xml", "nitf"), ("newsml-g2.xml", "newsml-g2"),
                      ("wxr.xml", "wxr")):
        path = FOLDER / name
        assert sniff(str(path), "xml") == fmt
        root = parse_xml(read_text_of(path), name)
        assert xml_format(root) == fmt


def read_text_of(path: Path) -> str:
    from factcheck.documents.encodings import decode
    return decode(path.read_bytes(), str(path), "xml")


def other_files(folder: Path) -> None:
    (folder / "package.json").write_text(json.dumps({"name": "site", "version": "1.0.0"}), encoding="utf-8")
    (folder / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>https://x/1</loc></url></urlset>',
                                        encoding="utf-8")
    (folder / "feed.xml").write_text('<rss version="2.0"><channel><item><title>7 items</title></item></channel></rss>',
                                     encoding="utf-8")


def test_a_walk_skips_json_and_xml_files_in_no_news_format_with_a_note(tmp_path):
    shutil.copy(FOLDER / "ans.json", tmp_path / "story.json")
    shutil.copy(FOLDER / "nitf.xml", tmp_path / "story.xml")
    other_files(tmp_path)
    skipped = []
    got = [Path(p).name for p in iter_paths([str(tmp_path)], on_skip=lambda p, why: skipped.append((Path(p).name, why)))]
    assert got == ["story.json", "story.xml"]
    assert [name for name, _ in skipped] == ["feed.xml", "package.json", "sitemap.xml"]
    assert "neither ninjs nor ANS" in dict(skipped)["package.json"]


def test_a_file_named_on_the_command_line_in_no_news_format_is_an_error(tmp_path):
    other_files(tmp_path)
    with pytest.raises(InputError, match="not a news format") as info:
        list(read_file(tmp_path / "package.json"))
    assert "content_elements" in info.value.hint
    with pytest.raises(InputError, match=r"root is <urlset>") as info:
        list(read_file(tmp_path / "sitemap.xml"))
    assert info.value.line == 1


@pytest.mark.parametrize("name, text, line, column", [
    ("broken.json", '{\n  "uri": "u",\n  "body_text": "Three 3"\n  "headline": "x"\n}', 4, 3),
    ("broken.xml", '<?xml version="1.0"?>\n<nitf>\n<body><body.content><p>4 cars</body.content></body></nitf>', 3, 32),
    ("trailing.json", '{"body_text": "ok 1"} {"more": 2}', 1, 23),
])
def test_malformed_files_are_reported_at_their_line_and_the_run_goes_on(tmp_path, name, text, line, column):
    (tmp_path / name).write_text(text, encoding="utf-8")
    shutil.copy(FOLDER / "ninjs-3.json", tmp_path / "z-good.json")
    errors = []
    docs = list(iter_documents([str(tmp_path / name), str(tmp_path)], on_error=errors.append))
    assert [d.meta["id"] for d in docs] == ["urn:test:ninjs3:library"]
    assert [(Path(e.path).name, e.line, e.column) for e in errors] == [(name, line, column)] * 2
    assert str(errors[0]).startswith(f"{tmp_path / name}:{line}:{column}: not ")


def test_an_entity_expansion_bomb_is_refused_with_its_line():
    with pytest.raises(InputError, match="refused: the file declares entities") as info:
        read_text(BOMB, "bomb.xml")
    assert info.value.line == 3 and "DOCTYPE" in info.value.hint


def test_external_entities_are_refused():
    text = '<?xml version="1.0"?>\n<!DOCTYPE nitf [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<nitf>&x;</nitf>'
    with pytest.raises(InputError, match="refused"):
        read_text(text, "x.xml")


def test_an_undefined_entity_is_malformed_xml():
    with pytest.raises(InputError, match="undefined entity") as info:
        read_text('<nitf><body><body.content><p>5&nbsp;km</p></body.content></body></nitf>', "n.xml")
    assert (info.value.line, info.value.column) == (1, 31)  # the &


@pytest.mark.parametrize("codec, bom", [("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff"), ("utf-8", b"\xef\xbb\xbf")])
def test_news_files_in_utf16_or_with_a_byte_order_mark(tmp_path, codec, bom):
    for name in ("nitf.xml", "ninjs-1.json"):
        raw = (FOLDER / name).read_text(encoding="utf-8")
        if name.endswith(".xml"):
            raw = raw.replace('encoding="UTF-8"', f'encoding="{codec.upper()[:6]}"')
        (tmp_path / name).write_bytes(bom + raw.encode(codec))
        (doc,) = read_file(tmp_path / name)
        (want,) = read_file(FOLDER / name)
        assert doc.text == want.text and doc.date == want.date
        at = doc.text.index("41,000 passengers" if name.endswith("json") else "12,600 cars")
        assert doc.locate(at) == want.locate(at)


def test_wordpress_drafts_only_when_asked_and_never_the_trash_or_pages():
    titles = [d.title for d in read_file(FOLDER / "wxr.xml")]
    assert titles == ["Pool opens for 12 weeks", "Escaped markup: 3 lanes"]
    docs = list(read_file(FOLDER / "wxr.xml", drafts=True))
    assert [d.title for d in docs] == titles + ["Draft about 15 lifeguards"]
    draft = docs[-1]
    assert draft.meta["status"] == "draft" and str(draft.date) == "2029-07-03"  # the GMT date is 0000-00-00


def test_iter_documents_passes_drafts_and_skips(tmp_path):
    shutil.copy(FOLDER / "wxr.xml", tmp_path / "export.xml")
    other_files(tmp_path)
    skipped = []
    docs = list(iter_documents([str(tmp_path)], on_error=pytest.fail, drafts=True,
                               on_skip=lambda p, why: skipped.append(p)))
    assert len(docs) == 3 and len(skipped) == 3
