"""The headers a real deployment needs, on each kind of answer the app gives.

A page carries a Content-Security-Policy that allows no inline script or style; nothing the
app answers itself (pages, exports, API answers, personal pages) is kept by a browser or a
proxy; HSTS and the redirect to https come from the environment, and `check --deploy` is clean
with the variables the README documents.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.test import Client, override_settings
from django.urls import reverse

from prodoffice.api.services import create_api_token
from prodoffice.core.tests.personas import World
from prodoffice.domain.access import Role
from prodoffice.people.services import issue_personal_link

ROOT = Path(__file__).resolve().parents[3]
NO_STORE = "private, no-store"


def _coordinator(world: World) -> Client:
    client = Client()
    client.force_login(world.user(Role.COORDINATOR))
    return client


def _directives(policy: str) -> dict[str, str]:
    return dict(part.strip().split(" ", 1) for part in policy.split(";"))


@pytest.mark.django_db
def test_a_logged_in_page_forbids_inline_script_and_style_and_is_not_cached(world: World) -> None:
    response = _coordinator(world).get(reverse("crew_list", args=[world.production.code]))
    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self'"
    assert policy["object-src"] == "'none'"
    assert policy["frame-ancestors"] == "'none'"
    assert response["Cache-Control"] == NO_STORE


def test_no_page_template_carries_inline_script_or_style() -> None:
    inline = re.compile(r"\son[a-z]+=|<script(?![^>]*\bsrc=)|<style|\sstyle=|javascript:")
    found = [
        f"{path.relative_to(ROOT)}: {match.group(0).strip()}"
        for path in (ROOT / "prodoffice").rglob("templates/**/*.html")
        for match in inline.finditer(path.read_text())
    ]
    assert found == []


@pytest.mark.django_db
def test_the_login_page_has_the_policy_and_is_not_cached() -> None:
    response = Client().get(reverse("login"))
    assert "script-src 'self'" in response["Content-Security-Policy"]
    assert response["Cache-Control"] == NO_STORE


@pytest.mark.django_db
def test_an_export_is_not_cached(world: World) -> None:
    url = reverse("crew_export", args=[world.production.code, "xlsx"])
    response = _coordinator(world).get(url)
    assert response.status_code == 200
    assert response["Cache-Control"] == NO_STORE


@pytest.mark.django_db
def test_an_api_answer_is_not_cached(world: World) -> None:
    _, token = create_api_token(user=world.user(Role.COORDINATOR), name="headers test")
    response = Client().get("/api/v1/productions", headers={"Authorization": f"Bearer {token}"})
    assert response.status_code == 200
    assert response["Cache-Control"] == NO_STORE


@pytest.mark.django_db
def test_a_personal_page_and_its_calendar_are_not_cached(world: World) -> None:
    link = issue_personal_link(
        access=world.access(Role.COORDINATOR), contact=world.crew_member.contact
    )
    page = Client().get(reverse("personal_page", args=[link.token]))
    assert page.status_code == 200
    assert page["Cache-Control"] == NO_STORE
    assert "script-src 'self'" in page["Content-Security-Policy"]
    feed = Client().get(reverse("personal_calendar", args=[link.token]))
    assert feed.status_code == 200
    assert feed["Cache-Control"] == NO_STORE


@pytest.mark.django_db
def test_the_api_documentation_may_style_its_widgets_but_runs_no_inline_script() -> None:
    response = Client().get("/api/v1/docs")
    assert response.status_code == 200
    policy = _directives(response["Content-Security-Policy"])
    assert policy["script-src"] == "'self'"
    assert policy["style-src"] == "'self' 'unsafe-inline'"


def test_static_files_keep_their_cache() -> None:
    response = Client().get("/static/core/prodoffice.js")
    assert response.status_code == 200
    assert "no-store" not in response.get("Cache-Control", "")


@pytest.mark.django_db
@override_settings(
    SECURE_SSL_REDIRECT=True,
    SECURE_PROXY_SSL_HEADER=("HTTP_X_FORWARDED_PROTO", "https"),
    SECURE_HSTS_SECONDS=31_536_000,
)
def test_behind_a_tls_proxy_http_is_redirected_and_https_answers_with_hsts() -> None:
    plain = Client().get(reverse("login"))
    assert plain.status_code == 301
    assert plain["Location"].startswith("https://")
    secure = Client().get(reverse("login"), headers={"X-Forwarded-Proto": "https"})
    assert secure.status_code == 200
    assert secure["Strict-Transport-Security"].startswith("max-age=31536000")


def _readme_deploy_variables() -> dict[str, str]:
    """The variables the README's "Deploying behind TLS" section sets, as it writes them."""
    readme = (ROOT / "README.md").read_text()
    section = readme.split("## Deploying behind TLS", 1)[1].split("\n## ", 1)[0]
    block = section.split("```", 2)[1]
    pairs = re.findall(r"^([A-Z_]+)=(\S+)", block, flags=re.MULTILINE)
    assert pairs, "the README section lists no variables"
    return dict(pairs)


def test_check_deploy_is_clean_with_the_variables_the_readme_documents(tmp_path: Path) -> None:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env |= _readme_deploy_variables() | {"PRODOFFICE_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "prodoffice.cli", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
