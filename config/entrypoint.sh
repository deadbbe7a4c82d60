#!/bin/sh
# Start Odoo with the master password and database password taken from the
# environment (.env), never from a committed file. Refuses known defaults.
set -eu
case "${ODOO_MASTER_PASSWORD:-}" in
  ""|admin|odoo|change-me|changeme|password|123456)
    echo "Refusing to start: set ODOO_MASTER_PASSWORD in .env to a long random value (see README.md)." >&2
    exit 1 ;;
esac
if [ "${#ODOO_MASTER_PASSWORD}" -lt 12 ]; then
  echo "Refusing to start: ODOO_MASTER_PASSWORD must have at least 12 characters." >&2
  exit 1
fi
conf=/tmp/odoo.conf
umask 077
cp /etc/odoo/odoo.conf "$conf"
printf 'admin_passwd = %s\ndb_password = %s\n' "$ODOO_MASTER_PASSWORD" "$POSTGRES_PASSWORD" >> "$conf"
# First start: create the database with the suite's addons (ORSUITE_ADDONS,
# ORSUITE_DEMO=1 for the 翠湖花园 demo story) in ORSUITE_LANG (default zh_CN:
# loaded, and made the language of every contact and user), since the web
# database manager is switched off (list_db = False).
if [ "$#" -eq 0 ] && ! PGPASSWORD="$POSTGRES_PASSWORD" psql -h db -U odoo -d orsuite -c "SELECT 1" >/dev/null 2>&1; then
  demo=""
  [ "${ORSUITE_DEMO:-0}" = 1 ] && demo="--with-demo"
  export ORSUITE_LANG="${ORSUITE_LANG:-zh_CN}"
  odoo -c "$conf" -d orsuite -i "${ORSUITE_ADDONS:-property_base}" $demo \
    --load-language="$ORSUITE_LANG" --stop-after-init
  odoo shell -c "$conf" -d orsuite --no-http < /etc/odoo/set_language.py
fi
exec odoo -c "$conf" "$@"
