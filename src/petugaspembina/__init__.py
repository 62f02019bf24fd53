"""Petugas Pembina: offline-first field app for immigration village officers (PIMPASA)."""

APP_NAME = "Petugas Pembina"
APP_ID = "petugaspembina"
ORG_NAME = "Petugas Pembina"
__version__ = "0.1.0"
