from pathlib import Path

from playwright.sync_api import expect

from lineofsight.partnership.roles import Role
from lineofsight.synth import generate
from tests.browser.conftest import assert_no_axe_violations


def test_upload_a_synthetic_return_and_see_it_accepted(
    signed_in_as, live_server, settings, tmp_path
):
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    files = generate(tmp_path / "borough", seed=5, years=range(2021, 2022), scale=0.03)
    cin = next(f for f in files if f.suffix == ".xml")
    page = signed_in_as(Role.PERFORMANCE_ANALYST)
    page.goto(f"{live_server.url}/data/upload/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Upload returns")
    assert_no_axe_violations(page)
    page.get_by_label("Upload returns").set_input_files(str(cin))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.locator(".govuk-notification-banner--success")).to_contain_text("Return accepted")
    expect(page.locator("main")).to_contain_text(cin.name)
    assert_no_axe_violations(page)


def test_a_broken_file_is_rejected_with_its_problems(signed_in_as, live_server, settings, tmp_path):
    settings.SNAPSHOT_DIR = tmp_path / "snapshots"
    broken = Path(tmp_path / "truncated.xml")
    broken.write_text("<Message><Header><CollectionDetails><Collection>CIN")
    page = signed_in_as(Role.PERFORMANCE_ANALYST)
    page.goto(f"{live_server.url}/data/upload/")
    page.get_by_label("Upload returns").set_input_files(str(broken))
    page.get_by_role("button", name="Upload and check").click()
    expect(page.get_by_text("The return was rejected")).to_be_visible()
    expect(page.get_by_role("table")).to_contain_text("truncated.xml")
    assert_no_axe_violations(page)
