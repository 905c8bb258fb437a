import xml.sax
from xml.sax.handler import feature_external_ges

import defusedxml.ElementTree as SafeET
from flask import Flask, request
from lxml import etree

app = Flask(__name__)


@app.post("/invoices")
def import_invoice():
    # ruleid: owasp.python.xxe-lxml
    parser = etree.XMLParser(resolve_entities=True)
    doc = etree.fromstring(request.data, parser)
    return {"total": doc.findtext("total")}


@app.post("/feeds")
def import_feed():
    # ruleid: owasp.python.xxe-lxml
    parser = etree.XMLParser(load_dtd=True, no_network=True)
    return etree.fromstring(request.data, parser).tag


def remote_dtd(data):
    # ruleid: owasp.python.xxe-lxml
    parser = etree.XMLParser(resolve_entities=False, no_network=False)
    return etree.fromstring(data, parser)


def sax_import(stream, handler):
    parser = xml.sax.make_parser()
    # ruleid: owasp.python.xxe-lxml
    parser.setFeature(feature_external_ges, True)
    parser.setContentHandler(handler)
    parser.parse(stream)


@app.post("/invoices-safe")
def import_invoice_safe():
    # ok: owasp.python.xxe-lxml
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    return etree.fromstring(request.data, parser).tag


def defused(data):
    # ok: owasp.python.xxe-lxml
    return SafeET.fromstring(data)


def sax_safe(stream, handler):
    parser = xml.sax.make_parser()
    # ok: owasp.python.xxe-lxml
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(stream)
