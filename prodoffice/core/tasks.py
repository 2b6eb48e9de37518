"""Background jobs of the core: e-mail about a person's own account."""

from __future__ import annotations

from django_tasks import task

from prodoffice.core.mail import compose


@task()
def send_account_mail(subject: str, body: str, to: str) -> None:
    """A password-reset link, sent by the worker rather than in the web request: the request
    then takes as long whether or not an account has the address, so timing tells no one who
    has an account here (and a slow mail server slows no page)."""
    compose(subject=subject, body=body, to=to).send()
