# Official Odoo 19 image plus the OCA addons the suite depends on.
FROM odoo:19
USER root
COPY requirements-oca.txt /tmp/requirements-oca.txt
# The OCA wheels pin a distribution named "odoo", which the image provides
# from Debian packages: install them without dependencies.
RUN pip3 install --no-cache-dir --break-system-packages --no-deps \
        -r /tmp/requirements-oca.txt
USER odoo
