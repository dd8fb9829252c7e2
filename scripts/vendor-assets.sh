#!/usr/bin/env bash
# Re-create the vendored front-end assets from the npm registry (run by a maintainer, not at install).
#   GOV.UK Frontend (MIT)  -> src/lineofsight/govuk/static/govuk/   (version must match govuk-frontend-jinja)
#   htmx (0BSD)            -> src/lineofsight/govuk/static/htmx/
#   axe-core (MPL-2.0)     -> tests/browser/assets/  (test asset only)
# Line of Sight is not a GOV.UK service, so the GDS Transport font is not shipped and the CSS falls
# back to Arial (docs/adr/0003-govuk-frontend-with-jinja.md).
set -euo pipefail
GOVUK=6.3.0 HTMX=2.0.11 AXE=4.11.4
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT; cd "$work"
npm pack --silent "govuk-frontend@$GOVUK" "htmx.org@$HTMX" "axe-core@$AXE" >/dev/null
for f in *.tgz; do mkdir "${f%.tgz}"; tar xzf "$f" -C "${f%.tgz}"; done
dist="govuk-frontend-$GOVUK/package/dist/govuk"
out="$root/src/lineofsight/govuk/static/govuk"
rm -rf "$out"; mkdir -p "$out/images"
# Drop the @font-face rules and the GDS Transport family name; point image URLs at our static path.
sed -E -e 's/@font-face\{[^}]*\}//g' -e 's/GDS Transport,//g' -e 's#url\(/assets/#url(#g' \
  "$dist/govuk-frontend.min.css" >"$out/govuk-frontend.min.css"
cp "$dist/govuk-frontend.min.js" "$out/"
cp "$dist"/assets/images/{favicon.ico,favicon.svg,govuk-icon-mask.svg,govuk-icon-180.png} "$out/images/"
printf '%s\n' "GOV.UK Frontend $GOVUK (MIT licence, Crown copyright), from the npm registry." >"$out/VERSION"
mkdir -p "$root/src/lineofsight/govuk/static/htmx"
cp "htmx.org-$HTMX/package/dist/htmx.min.js" "$root/src/lineofsight/govuk/static/htmx/"
mkdir -p "$root/tests/browser/assets"
cp "axe-core-$AXE/package/axe.min.js" "$root/tests/browser/assets/"
echo "vendored govuk-frontend $GOVUK, htmx $HTMX, axe-core $AXE"
