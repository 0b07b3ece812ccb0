"""The web mission control: ``spacerace serve`` (``create_app`` in :mod:`spacerace.web.app`).

FastAPI and its friends are imported by :mod:`spacerace.web.app`, not here, so importing the
package costs nothing; it needs the ``web`` extra (``pip install 'spacerace[web]'``).
"""
