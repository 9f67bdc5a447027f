"""Domain errors. Services raise these; the web layer maps them to JSON or HTML in one place."""


class DomainError(Exception):
    status_code = 400

    def __init__(self, message: str, *, field: str | None = None, details: list | None = None):
        super().__init__(message)
        self.message = message
        self.field = field
        self.details = details or []

    def to_dict(self) -> dict:
        body: dict = {"message": self.message}
        if self.field:
            body["field"] = self.field
        if self.details:
            body["details"] = self.details
        return body


class NotFound(DomainError):
    status_code = 404


class Conflict(DomainError):
    status_code = 409


class Rejected(DomainError):
    """The request is understood but breaks a rule (bad value, refused transition, bad file)."""

    status_code = 422


class Forbidden(DomainError):
    status_code = 403


class Unauthenticated(DomainError):
    status_code = 401
