"""PDF documents rendered by typst from a template and a JSON payload.

One `typst.Compiler` per template is kept for the life of the process: creating one loads the
fonts, which costs far more than compiling a page.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import typst
from django.core.serializers.json import DjangoJSONEncoder

_compilers: dict[Path, typst.Compiler] = {}
# A Compiler is not safe to share between threads mid-compile.
_lock = threading.Lock()


def render_pdf(template: Path, data: Any) -> bytes:
    payload = json.dumps(data, cls=DjangoJSONEncoder)
    with _lock:
        compiler = _compilers.get(template)
        if compiler is None:
            compiler = typst.Compiler(str(template), root=str(template.parent))
            _compilers[template] = compiler
        pdf = compiler.compile(format="pdf", sys_inputs={"data": payload})
    assert isinstance(pdf, bytes)
    return pdf


def typst_string(text: str) -> str:
    """Quote text for a typst string literal (used where a template needs literal markup)."""
    return json.dumps(text)
