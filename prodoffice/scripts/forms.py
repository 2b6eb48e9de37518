from __future__ import annotations

from django import forms

from prodoffice.domain.screenplay.breakdown import Category

ACCEPTED_FILES = ".fountain,.txt,.spmd,.fdx"


class DraftForm(forms.Form):
    file = forms.FileField(
        label="Screenplay file",
        help_text="Fountain (.fountain, .txt, .spmd) up to 1 MB or Final Draft (.fdx) up to 5 MB; "
        "up to 1,000 scenes and 600 pages.",
        widget=forms.ClearableFileInput(attrs={"accept": ACCEPTED_FILES}),
    )


class NewScriptForm(DraftForm):
    title = forms.CharField(
        max_length=200, required=False, help_text="Left empty, the title page's title is used."
    )


class TagForm(forms.Form):
    category = forms.ChoiceField(choices=[(c.value, c.label) for c in Category])
    name = forms.CharField(max_length=200)
