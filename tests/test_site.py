"""`kata site` without a browser: what the pages hold, what is escaped, what is personal."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, make_repo

from katakit.htmltext import behaviour_code, markdown, markdown_inline, python
from katakit.project import Project
from katakit.site import MARKER, KataProgress, build_site, render_pages

PROJECT = Project(ROOT)
KATAS = PROJECT.load_all()
MERMAID_READY = (ROOT / "tools/mermaid/node_modules/mermaid/dist/mermaid.min.js").is_file()
needs_mermaid = pytest.mark.skipif(
    not MERMAID_READY, reason="tools/mermaid/node_modules is missing (make install runs npm ci)"
)


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_pages(PROJECT, KATAS)


def text_of(markup: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", markup))


def test_the_index_lists_the_ten_sections_in_order_and_every_kata(pages):
    index = pages["index.html"]
    titles = re.findall(r'<h2 id="[a-z_]+-title">([^<]+)</h2>', index)
    assert [t.split(".")[0] for t in titles] == [str(n) for n in range(1, 11)]
    for kata in KATAS:
        assert f'href="katas/{kata.slug}.html"' in index
        assert f"{len(kata.behaviours)} behaviours" in index


def test_every_kata_page_holds_the_brief_interface_diagram_behaviours_hints_and_commands(pages):
    for kata in KATAS:
        page = pages[f"katas/{kata.slug}.html"]
        for heading in ("What is this pattern about?", "What does this example do?", "TL;DR"):
            assert heading in page
        assert page.count('<article class="behaviour"') == len(kata.behaviours)
        assert page.count("<summary>Hint ") == len(kata.hints)
        assert f'data-copy="kata check {kata.slug}"' in page
        assert f'data-copy="kata watch {kata.slug}"' in page
        assert '<pre class="mermaid" id="class-diagram">classDiagram' in page
        for cls in kata.interface.classes:
            assert f"<code>{cls.name}</code>" in page
        wrong = "What the guide got wrong" if kata.from_the_guide else "What naive implementations"
        assert (wrong in page) == bool(kata.guide_errors)


def test_the_site_draws_the_same_diagram_source_as_the_brief(pages):
    for kata in KATAS:
        brief = (ROOT / "generated" / kata.slug / "README.md").read_text(encoding="utf-8")
        source = re.search(r"```mermaid\n(.*?)\n```", brief, re.S).group(1)
        page = pages[f"katas/{kata.slug}.html"]
        drawn = re.search(r'<pre class="mermaid" id="class-diagram">(.*?)</pre>', page, re.S)
        assert html.unescape(drawn.group(1)) == source


def test_highlighted_code_is_the_code_itself_escaped():
    for kata in KATAS:
        for b in kata.behaviours:
            code = behaviour_code(b)
            assert text_of(python(code)) == code, b.name
    assert python('x = "<b>&"') == 'x = <span class="s">&#34;&lt;b&gt;&amp;&#34;</span>'


def test_spec_text_cannot_inject_markup():
    hostile = "<script>alert(1)</script> [x](javascript:alert(1)) `<b>` **bold**"
    for rendered in (markdown(hostile), markdown_inline(hostile)):
        assert "<script>" not in rendered
        assert 'href="javascript:' not in rendered
        assert "<code>&lt;b&gt;</code>" in rendered
        assert "<strong>bold</strong>" in rendered


def test_a_hostile_spec_is_escaped_on_its_page(tmp_path):
    root = make_repo(tmp_path / "repo", ROOT / "tests" / "fixtures" / "counter")
    spec = root / "specs" / "counter" / "spec.yaml"
    text = spec.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^title: .*$", "title: '</title><script>alert(1)</script>'", text, count=1)
    spec.write_text(text, encoding="utf-8")
    project = Project(root)
    pages = render_pages(project, project.load_all())
    for page in pages.values():
        assert "<script>alert" not in page
        assert "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_without_progress_nothing_personal_is_written(pages):
    for page in pages.values():
        assert "Your progress" not in page
        assert 'class="status' not in page
        assert 'class="seen"' not in page and "you have seen" not in page


def test_progress_bakes_in_each_behaviour_result_and_the_hints_seen():
    kata = next(k for k in KATAS if k.slug == "lru_cache")
    first, second = kata.behaviours[0].name, kata.behaviours[1].name
    mine = {"lru_cache": KataProgress({first: "pass", second: "fail"}, hints_seen=2)}
    pages = render_pages(PROJECT, [kata], mine)
    page = pages["katas/lru_cache.html"]
    assert f"1/{len(kata.behaviours)} behaviours pass; 2/{len(kata.hints)} hints seen" in page
    article = page.split(f'id="b-{first}"')[1].split("</article>")[0]
    assert '<span class="status pass">passes</span>' in article
    article = page.split(f'id="b-{second}"')[1].split("</article>")[0]
    assert '<span class="status fail">fails</span>' in article
    assert page.count('<details open class="seen">') == 2
    assert f"1/{len(kata.behaviours)} pass · 2/{len(kata.hints)} hints seen" in pages["index.html"]


@needs_mermaid
def test_the_build_writes_pages_assets_and_the_vendored_mermaid(tmp_path):
    out = tmp_path / "site"
    report = build_site(PROJECT, KATAS, out)
    assert (out / "index.html").is_file() and (out / MARKER).is_file()
    assert sorted(p.stem for p in (out / "katas").glob("*.html")) == PROJECT.slugs()
    for asset in ("site.css", "site.js", "favicon.svg", "vendor/mermaid.min.js"):
        assert (out / "assets" / asset).is_file()
    assert report.pages == len(KATAS) + 1
    assert report.files == sum(1 for p in out.rglob("*") if p.is_file())
    # every script and stylesheet is the site's own, referenced relatively
    for page in out.rglob("*.html"):
        for ref in re.findall(r'(?:src|href)="([^"]+)"', page.read_text(encoding="utf-8")):
            assert "//" not in ref, f"{page.name}: {ref}"


@needs_mermaid
def test_a_rebuild_replaces_the_site_but_a_foreign_folder_is_refused(tmp_path):
    out = tmp_path / "site"
    build_site(PROJECT, KATAS[:1], out)
    (out / "stale.html").write_text("old", encoding="utf-8")
    build_site(PROJECT, KATAS[:2], out)
    assert not (out / "stale.html").exists()
    assert len(list((out / "katas").glob("*.html"))) == 2
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me", encoding="utf-8")
    with pytest.raises(Exception, match="not a kata site"):
        build_site(PROJECT, KATAS, foreign)
    assert (foreign / "notes.txt").read_text(encoding="utf-8") == "keep me"


@needs_mermaid
def test_kata_site_progress_runs_the_learners_suites_and_reads_the_hints(
    counter_repo: Path, kata, tmp_path
):
    (counter_repo / "tools").symlink_to(ROOT / "tools")
    state = {"version": 1, "hints": {"counter": 1}}
    (counter_repo / ".kata-state.json").write_text(json.dumps(state), encoding="utf-8")
    plain = tmp_path / "plain"
    code, out, _ = kata(counter_repo, "site", "--out", str(plain))
    assert code == 0, out
    assert "wrote 2 pages" in out
    assert "Your progress" not in (plain / "katas" / "counter.html").read_text(encoding="utf-8")

    baked = tmp_path / "baked"
    code, out, _ = kata(counter_repo, "site", "--progress", "--out", str(baked))
    assert code == 0, out
    page = (baked / "katas" / "counter.html").read_text(encoding="utf-8")
    assert "Your progress, as of this build: 0/2 behaviours pass; 1/" in page  # the skeleton
    assert page.count('<span class="status fail">fails</span>') == 2
    assert page.count('<details open class="seen">') == 1


def test_kata_site_without_the_node_packages_says_how_to_get_them(repo: Path, kata):
    code, _, err = kata(repo, "site", "--out", str(repo / "out"))
    assert code == 2
    assert "npm ci" in err and "tools/mermaid" in err
