"""Loading what the areas register with the shared mechanisms, by convention:

- `zhenxing/<area>/jobs.py`        calls `zhenxing.scheduler.register_job(...)`
- `zhenxing/<area>/todos.py`       calls `zhenxing.todo.register_source(...)`
- `zhenxing/<area>/rule_kinds.py`  calls `zhenxing.rules.registry.register_kind(...)`

`load_all()` imports every such module that exists (once), so the app, the CLI and a worker see the same
registrations whatever they imported first. Registering from any other module works too, as long as
something imports it before the registration is needed.
"""

import importlib
import pkgutil
from functools import cache
from pathlib import Path

CONVENTIONS = ("rule_kinds", "jobs", "todos")
PACKAGE = Path(__file__).parent


def area_modules(conventions: tuple[str, ...] = CONVENTIONS) -> list[str]:
    found = []
    for area in sorted(info.name for info in pkgutil.iter_modules([str(PACKAGE)]) if info.ispkg):
        for name in conventions:
            if (PACKAGE / area / f"{name}.py").is_file():
                found.append(f"zhenxing.{area}.{name}")
    return found


@cache
def load_all() -> tuple[str, ...]:
    """Import every area's registration modules; answers their names."""
    modules = tuple(area_modules())
    for module in modules:
        importlib.import_module(module)
    return modules
