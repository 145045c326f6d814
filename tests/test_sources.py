"""kg/read/sources.py: files in, decoded pages out; every unusable input is a SourceError
whose message names the file."""

import hashlib
import itertools

import pytest

from kg.errors import SourceError
from kg.read.sources import collect_files, read_page

NEWS = (
    "世界互联网大会研究成果发布\n\n"
    "本报乌镇 11月7日电 (记者 张熙锦) 7日下午，三项研究成果正式发布。"
    "《全球人工智能标准发展报告》分析了国际标准组织和主要经济体标准化行动。\n"
)


@pytest.mark.parametrize(
    ("label", "encode", "encoding"),
    [
        ("utf-8", lambda t: t.encode("utf-8"), "utf-8"),
        ("utf-8 with BOM", lambda t: t.encode("utf-8-sig"), "utf-8"),
        ("gbk", lambda t: t.encode("gbk"), "gb18030"),
        ("gb18030", lambda t: t.encode("gb18030"), "gb18030"),
    ],
    ids=["utf-8", "utf-8-bom", "gbk", "gb18030"],
)
def test_sources_decodes_each_encoding_to_the_same_text(write_file, label, encode, encoding):
    raw = encode(NEWS)
    page = read_page(write_file("page.txt", raw))
    assert page.text == NEWS  # no byte-order mark, no replacement characters
    assert page.encoding == encoding
    assert page.source == "page.txt"
    assert page.sha256 == hashlib.sha256(raw).hexdigest()


def test_sources_decodes_the_bundled_page_from_gb18030(write_file, seed_page):
    page = read_page(write_file("seed-gb.txt", seed_page.text, encoding="gb18030"))
    assert (page.text, page.encoding) == (seed_page.text, "gb18030")


# regression: curly quotes, dashes and ellipses (U+2000–U+206F) once made short GBK text "implausible"
@pytest.mark.parametrize("text", ["“良渚论坛”开幕\n", "“一带一路”数字合作——共建共享……\n"],
                         ids=["quoted-name", "quotes-dashes-ellipsis"])
def test_sources_decodes_short_gbk_text_with_chinese_punctuation(write_file, text):
    page = read_page(write_file("short.txt", text, encoding="gbk"))
    assert (page.text, page.encoding) == (text, "gb18030")


@pytest.mark.parametrize(
    ("name", "content", "problem"),
    [
        ("empty.txt", b"", "the file is empty"),
        ("blank.txt", " \n\t\r\n\n".encode(), "the file is empty"),
        ("fullwidth-blank.txt", "\u3000\u3000\n\n".encode("utf-8"), "the file is empty"),
        ("fullwidth-blank-gbk.txt", "\u3000\u3000\n".encode("gbk"), "the file is empty"),
        ("utf16-lines.txt", "乌镇峰会开幕。\r\n".encode("utf-16"), "not a text file (it holds NUL bytes)"),
        ("picture.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "not a text file (it holds NUL bytes)"),
        ("utf16.txt", "乌镇峰会".encode("utf-16"), "neither UTF-8 nor GB18030/GBK text; convert it to UTF-8"),
    ],
    ids=["empty", "whitespace", "fullwidth-spaces", "fullwidth-spaces-gbk", "utf16-with-newline", "png", "utf16"],
)
def test_sources_rejects_unusable_files_naming_them(write_file, name, content, problem):
    path = write_file(name, content)
    with pytest.raises(SourceError) as err:
        read_page(path)
    assert str(err.value) == f"{path}: {problem}"


def test_sources_rejects_a_missing_file_naming_it(tmp_path):
    path = tmp_path / "nowhere.txt"
    with pytest.raises(SourceError) as err:
        read_page(path)
    assert str(err.value) == f"{path}: no such file"


def test_sources_collect_rejects_a_missing_input_naming_it(tmp_path):
    path = tmp_path / "nowhere.txt"
    with pytest.raises(SourceError) as err:
        collect_files([path])
    assert str(err.value) == f"{path}: no such file or folder"


@pytest.mark.parametrize("files", [[], ["notes.csv", "graph.trig", "sub/data.json"]], ids=["empty", "other-files"])
def test_sources_collect_rejects_a_folder_without_text_files(tmp_path, files):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in files:
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text("x", encoding="utf-8")
    with pytest.raises(SourceError) as err:
        collect_files([folder])
    assert str(err.value) == f"{folder}: the folder holds no .txt file"


@pytest.fixture
def tree(tmp_path):
    """articles/{b,a}.txt, articles/sub/c.txt, articles/notes.csv and extra/z.txt."""
    for name in ["articles/b.txt", "articles/a.txt", "articles/sub/c.txt", "articles/notes.csv", "extra/z.txt"]:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("乌镇峰会开幕。\n", encoding="utf-8")
    return tmp_path


def test_sources_collect_expands_folders_to_their_text_files(tree):
    found = collect_files([tree / "articles"])
    assert sorted(p.relative_to(tree).as_posix() for p in found) == [
        "articles/a.txt", "articles/b.txt", "articles/sub/c.txt"]


def test_sources_collect_result_does_not_depend_on_input_order(tree):
    inputs = [tree / "articles", tree / "articles" / "b.txt", tree / "extra" / "z.txt", tree / "articles" / "a.txt"]
    results = {tuple(collect_files(list(order))) for order in itertools.permutations(inputs)}
    assert len(results) == 1
    (result,) = results
    assert len(result) == len(set(result)) == 4  # a, b, c and z, each once


@pytest.mark.parametrize(
    "inputs",
    [
        ["articles/a.txt", "articles/a.txt"],
        ["articles", "articles"],
        ["articles", "articles/a.txt", "articles/sub/c.txt"],
    ],
    ids=["same-file", "same-folder", "folder-and-its-files"],
)
def test_sources_collect_lists_a_file_given_twice_once(tree, inputs):
    found = collect_files([tree / i for i in inputs])
    assert len(found) == len(set(found))
    assert tree / "articles" / "a.txt" in found
