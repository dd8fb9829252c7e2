"""The shapes of the thin pages every app has, so that a view says only what differs.

- ``@form_view("app.manage")``: ``@requires`` plus GET and POST only (a form page);
  ``@page_view("app.view")``: ``@requires`` plus GET only (a list or a record's page);
  ``@post_view("app.manage")``: ``@requires`` plus POST only (a button that does something).
- ``record_form``: a form page about one record: something added to it (an agency report, a
  finding, a learning point) or a change to it.  The back link and the redirect go to the record;
  the message names what was saved.  ``new_record_form``: a form page making a record, back to
  its list, then to the new record.  Both keep ``lib.formviews``' status rule (invalid 400,
  conflict 409 with what was typed kept).
- ``own_form_page``: the same rule for a form page with the app's own template.
- ``return_form``: a form page reached from a page (settings, a figure) and returning to it.
- ``record_page``: a record's page with the policy's ``allowed`` booleans for it;
  ``allowed_page``: any other page with the policy's ``allowed`` booleans for the person.
- ``download_page``: a page of figures (statistics, charges) that also downloads as CSV/Excel.
- ``filtered_list``: a list page whose filter form's values select the rows
  (``selector(user, **active_filters(form))``), downloaded a row at a time by ``row``.
- ``rows_page``: a page showing all its rows (no filters, no pages), downloaded a row at a time;
  ``whole_list``: a list page with filters showing all the rows they select (no pages).
- ``status_and_year``: a case list's filter (open by default, "all" for every status; a year).
- ``year_asked``: the year a statistics page is asked for (``?year=``), if it is one it has.
- ``initial_of``: a change form's starting values, the record's version among them.
- ``listed``: a form's cleaned data for a service, its many-choice querysets as lists.
- ``saving``: a form page's ``save`` calling a service with the signed-in person as the actor.
- ``Records``: one kind of record's pages in a module (how it is found, its name, its policy,
  its captions), stated once; its ``page``, ``form`` and ``new`` make the commonest views (the
  record's page, a form page adding to or changing it, one making it) from their own words;
  ``one_of(selectors.xs_for)`` its ``find`` from a scoped selector, ``with_partnership(Form)`` a
  form given the record's partnership.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from django import forms
from django.contrib import messages
from django.db.models import Model, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from lineofsight.lib.formviews import form_page, form_page_then, submit
from lineofsight.lib.listing import (
    PAGE_SIZE,
    Export,
    active_filters,
    export_if_asked,
    export_links,
    list_response,
)
from lineofsight.partnership.access import View, requires
from lineofsight.partnership.middleware import partnership_of

Message = str | Callable[[Any], str]
Save = Callable[[dict[str, Any], Any], Any]


def form_view(permission: str) -> Callable[[View], View]:
    """A form page: ``permission`` needed, GET and POST answered (anything else 405)."""

    def decorate(view: View) -> View:
        return requires(permission)(require_http_methods(["GET", "POST"])(view))

    return decorate


def page_view(permission: str) -> Callable[[View], View]:
    """A page that only shows: ``permission`` needed, GET answered (anything else 405)."""

    def decorate(view: View) -> View:
        return requires(permission)(require_GET(view))

    return decorate


def post_view(permission: str) -> Callable[[View], View]:
    """A button's target: ``permission`` needed, POST answered (anything else 405)."""

    def decorate(view: View) -> View:
        return requires(permission)(require_POST(view))

    return decorate


def _told(message: Message, saved: Any) -> str:
    return message if isinstance(message, str) else message(saved)


def _then(then: Any, saved: Any) -> Any:
    """Where to go once saved: the saved record (``None``), a record or URL, or made from it."""
    if then is None:
        return saved
    return then(saved) if callable(then) else then


def _told_page(
    request: HttpRequest,
    form: forms.Form,
    save: Callable[[dict[str, Any], Any], Any],
    message: Message,
    then: Any,
    **page: Any,
) -> HttpResponse:
    """``form_page_then`` telling ``message``, then to ``then`` (``_then``)."""
    return form_page_then(
        request, form, save, done=lambda saved: (_told(message, saved), _then(then, saved)), **page
    )


def own_form_page(
    request: HttpRequest,
    template: str,
    form: forms.Form,
    save: Callable[[dict[str, Any], Any], Any],
    *,
    message: Message,
    then: Any = None,
    **context: Any,
) -> HttpResponse:
    """A form page with the app's own ``template`` (given ``form`` and ``context``), on
    ``lib.formviews.submit``'s status rule; when saved, ``message`` shown and a redirect to
    ``then`` (``None``: the saved record; a record, a URL, or a function of what was saved)."""
    outcome = submit(request, form, save)
    if outcome.saved:
        messages.success(request, _told(message, outcome.result))
        return redirect(_then(then, outcome.result))
    return render(request, template, {**context, "form": form}, status=outcome.status)


def record_form(
    request: HttpRequest,
    record: Any,
    form: forms.Form,
    save: Callable[[dict[str, Any], Any], Any],
    *,
    title: str,
    message: Message | None = None,
    caption: str = "",
    **page: Any,
) -> HttpResponse:
    """A form page about ``record``: back to it once saved, with ``message`` (a text, or made
    from what was saved) shown there (``None``: no message)."""
    url = record.get_absolute_url()
    if message is None:
        submit_label = page.pop("submit", "Save")
        return form_page(
            request,
            form,
            save,
            title=title,
            back_url=url,
            caption=caption,
            submit_label=submit_label,
            success_url=url,
            **page,
        )
    return _told_page(
        request, form, save, message, record, back_url=url, title=title, caption=caption, **page
    )


def return_form(
    request: HttpRequest,
    form: forms.Form,
    save: Callable[[dict[str, Any], Any], Any],
    *,
    message: Message,
    back: str,
    **page: Any,
) -> HttpResponse:
    """A form page reached from the page named ``back`` (a URL name: settings from a list, a
    figure from the statistics) and, when saved, back there telling ``message``."""
    url = reverse(back)
    return _told_page(request, form, save, message, url, back_url=url, **page)


def new_record_form(
    request: HttpRequest,
    form: forms.Form,
    save: Callable[[dict[str, Any], Any], Any],
    *,
    message: Message,
    title: str,
    back_url: str,
    **page: Any,
) -> HttpResponse:
    """A form page making a record: back to ``back_url`` (its list); when saved, ``message`` (a
    text, or made from the record) shown on the new record's page."""
    return _told_page(request, form, save, message, None, back_url=back_url, title=title, **page)


def record_page(
    request: HttpRequest,
    template: str,
    allowed: Callable[[Any, Any], dict[str, bool]],
    **context: Any,
) -> HttpResponse:
    """``template`` with ``context``, whose first value is the record, and ``allowed``: the
    app policy's booleans for the signed-in person and that record."""
    record = next(iter(context.values()))
    return render(request, template, {**context, "allowed": allowed(request.user, record)})


def allowed_page(
    request: HttpRequest,
    template: str,
    allowed: Callable[[Any], dict[str, bool]],
    **context: Any,
) -> HttpResponse:
    """``template`` with ``context`` and ``allowed``: the app policy's booleans for the signed-in
    person (what the page offers them)."""
    return render(request, template, {**context, "allowed": allowed(request.user)})


def download_page(
    request: HttpRequest,
    template: str,
    export: Export,
    *,
    links: dict[str, str] | None = None,
    **context: Any,
) -> HttpResponse:
    """A page of figures that downloads as ``export`` (``?format=csv|xlsx``): the download when
    asked, else ``template`` with ``context`` and ``exports``, the download links (``links``, or
    this page's query with the format set)."""
    exported = export_if_asked(request, export)
    if exported is not None:
        return exported
    exports = export_links(request) if links is None else links
    return render(request, template, {**context, "exports": exports})


def filtered_list(
    request: HttpRequest,
    template: str,
    *,
    form: forms.Form,
    selector: Callable[..., Any],
    export: tuple[str, list[str], Callable[[Any], Sequence[Any]]],
    per_page: int | None = PAGE_SIZE,
    **context: Any,
) -> HttpResponse:
    """The rows ``selector(user, **filters)`` picks with the form's filters, as a list page
    (``list_response``) downloading as ``export``: (file name, header, ``row(record)``)."""
    rows = selector(request.user, **active_filters(form))
    name, header, row = export
    return list_response(
        request,
        template,
        form=form,
        rows=rows,
        export=Export(name, header, lambda: (row(r) for r in rows)),
        per_page=per_page,
        context=context,
    )


def rows_page(
    request: HttpRequest,
    template: str,
    rows: Sequence[Any],
    *,
    export: tuple[str, list[str], Callable[[Any], Sequence[Any]]],
    **context: Any,
) -> HttpResponse:
    """``template`` with all of ``rows`` (as ``rows``) and ``context``, downloading as ``export``:
    (file name, header, ``row(record)``), a line a row (``download_page``)."""
    name, header, row = export
    return download_page(
        request,
        template,
        Export(name, header, lambda: [row(r) for r in rows]),
        rows=rows,
        **context,
    )


def whole_list(
    request: HttpRequest,
    template: str,
    *,
    form: forms.Form,
    rows: Sequence[Any],
    export: Export,
    param: str = "format",
    **context: Any,
) -> HttpResponse:
    """A list page (``list_response``) showing all of ``rows``, the ones ``form``'s filters
    selected, on one page (as ``rows``), downloading as ``export``."""
    return list_response(
        request,
        template,
        form=form,
        rows=rows,
        export=export,
        param=param,
        per_page=None,
        context={"rows": rows, **context},
    )


def status_and_year(request: HttpRequest, form: forms.Form) -> tuple[str, int | None]:
    """A case list's ``status`` and ``year`` filters as shown: open cases of every year unless the
    query asks otherwise (``"all"``: every status)."""
    if request.GET and form.is_valid():
        return form.cleaned_data["status"] or "open", form.cleaned_data["year"]
    return "open", None


def year_asked(request: HttpRequest, years: Iterable[int]) -> int | None:
    """The year ``?year=`` asks for when it is one of ``years``, else ``None``."""
    try:
        asked = int(request.GET.get("year", ""))
    except ValueError:
        return None
    return asked if asked in years else None


def initial_of(record: Any, names: Iterable[str], *, many: Iterable[str] = ()) -> dict[str, Any]:
    """A change form's starting values: ``record``'s ``names``, the records its many-to-many
    fields ``many`` hold (as lists) and its version (``None`` for a record not stored yet, such
    as settings never saved)."""
    values = {name: getattr(record, name) for name in names}
    chosen = {name: list(getattr(record, name).all()) if record.pk else [] for name in many}
    return {"version": record.version if record.pk else None, **values, **chosen}


def listed(data: dict[str, Any]) -> dict[str, Any]:
    """``data`` with each queryset (a many-choice field's value) made a list."""
    return {k: list(v) if isinstance(v, QuerySet) else v for k, v in data.items()}


def saving(
    request: HttpRequest, service: Callable[..., Any], *, versioned: bool = False, **fixed: Any
) -> Save:
    """A form page's ``save`` when the form's fields are the service's keywords:
    ``service(actor=request.user, **fixed, **listed(data))``; with ``versioned`` (a change to a
    record) also ``expected_version=``, the version the form was filled in on (a stale one is an
    ``EditConflict``: the page answers 409)."""

    def save(data: dict[str, Any], version: Any) -> Any:
        known = {"expected_version": version} if versioned else {}
        return service(actor=request.user, **fixed, **known, **listed(data))

    return save


# A form a ``Records`` view makes: a form class (given the POST data, and ``initial`` for a
# change), or a function of the data and the record (or, making one, the partnership).
FormMaker = Callable[..., forms.Form]
Words = str | Callable[[Any], str]


def _worded(words: Words, record: Any) -> str:
    return words if isinstance(words, str) else words(record)


def with_partnership(form: Callable[..., forms.Form]) -> FormMaker:
    """A ``Records`` form: ``form`` given the partnership of the record it is about (making one:
    the partnership itself), for its choices of agencies and the like."""

    def made(data: Any, about: Any) -> forms.Form:
        return form(data, partnership=getattr(about, "partnership", about))

    return made


def _made(form: FormMaker, data: Any, about: Any, **initial: Any) -> forms.Form:
    if isinstance(form, type):
        return form(data, **initial)
    return form(data, about)


R = TypeVar("R")
M = TypeVar("M", bound=Model)


def one_of(rows: Callable[[Any], QuerySet[M]]) -> Callable[[Any, Any], M]:
    """A ``find`` for ``Records`` from a scoped selector: the row of ``rows(user)`` with that
    primary key, else 404."""

    def find(user: Any, pk: Any) -> M:
        return get_object_or_404(rows(user), pk=pk)

    return find


@dataclass(frozen=True)
class Records(Generic[R]):
    """One kind of record's pages in a module, stated once so that each view says only its own
    words (its permission first, kept in the views module):

    - ``find(user, key)``: the app selector giving the record a URL names (refused or 404
      otherwise), ``name``: what its templates and the services call it;
    - ``allowed(user, record)``: the app policy's booleans for its page;
    - ``caption``: the caption over a form page about it, a text or made from the record (by
      default its own words);
      ``section``: the caption over the form page making one (the module's name);
    - ``listed``: the URL name of their list, where the form page making one goes back to;
    - ``partnership(request)``: the partnership a new one belongs to (``request.partnership``).
    """

    find: Callable[..., R]
    name: str
    allowed: Callable[[Any, Any], dict[str, bool]] | None = None
    caption: Words = str
    section: str = ""
    listed: str = ""
    partnership: Callable[[HttpRequest], Any] = partnership_of

    def found(self, request: HttpRequest, key: Any, *, find: Callable[..., R] | None = None) -> R:
        """The record the URL's ``key`` names, found for the signed-in person (by ``find``, else
        the kind's own ``find``)."""
        return (find or self.find)(request.user, key)

    def page(
        self, permission: str, template: str, **more: Callable[[Any], Any]
    ) -> Callable[..., HttpResponse]:
        """The record's page (``record_page``): ``template`` with the record as ``name``, each
        of ``more`` made from it, and ``allowed``."""
        if self.allowed is None:
            raise TypeError(f"{self.name}: a record page needs the policy's allowed")
        allowed = self.allowed

        @page_view(permission)
        def view(request: HttpRequest, **key: Any) -> HttpResponse:
            found = self.found(request, *key.values())
            made = {name: make(found) for name, make in more.items()}
            return record_page(request, template, allowed, **{self.name: found}, **made)

        return view

    def form(
        self,
        permission: str,
        form: FormMaker,
        service: Callable[..., Any],
        *,
        title: Words,
        change: Iterable[str] = (),
        many: Iterable[str] = (),
        versioned: bool = False,
        into: str = "",
        find: Callable[..., R] | None = None,
        **page: Any,
    ) -> Callable[..., HttpResponse]:
        """A form page adding to the record or changing it (``record_form``), saved by
        ``service(actor=..., <into or name>=record, **data)``.  ``change``/``many``: the fields
        (many-to-many ones) a change starts from (``initial_of``), saved with the version it was
        filled in on (as ``versioned``).  ``title`` a text or made from the record; ``find``
        another selector than the kind's (one for those who manage it); ``page``: ``message``,
        ``intro``, ``submit``."""
        names, many_names = tuple(change), tuple(many)
        changing = bool(names or many_names)

        @form_view(permission)
        def view(request: HttpRequest, **key: Any) -> HttpResponse:
            found = self.found(request, *key.values(), find=find)
            initial = {"initial": initial_of(found, names, many=many_names)} if changing else {}
            save = saving(
                request, service, versioned=changing or versioned, **{into or self.name: found}
            )
            return record_form(
                request,
                found,
                _made(form, request.POST or None, found, **initial),
                save,
                title=_worded(title, found),
                caption=_worded(self.caption, found),
                **page,
            )

        return view

    def new(
        self,
        permission: str,
        form: FormMaker,
        service: Callable[..., Any],
        **page: Any,
    ) -> Callable[..., HttpResponse]:
        """A form page making one (``new_record_form``), back to their list (``listed``), saved
        by ``service(actor=..., partnership=..., **data)``; ``page``: ``title``, ``message``,
        ``intro``, ``submit``."""

        @form_view(permission)
        def view(request: HttpRequest) -> HttpResponse:
            partnership = self.partnership(request)
            return new_record_form(
                request,
                _made(form, request.POST or None, partnership),
                saving(request, service, partnership=partnership),
                back_url=reverse(self.listed),
                caption=self.section,
                **page,
            )

        return view
