"""ESEF-style report package: `<name>/META-INF/taxonomyPackage.xml` + `<name>/reports/…xhtml`."""

from __future__ import annotations

from xml.sax.saxutils import escape

from esrs_s3.fileio import zip_bytes
from esrs_s3.render.document import Document


def package_name(document: Document) -> str:
    return f"{document.lei}-{document.period_end}-{document.language}"


def taxonomy_package_xml(document: Document) -> bytes:
    name = escape(f"ESRS S3 statement of {document.undertaking}")
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<tp:taxonomyPackage xmlns:tp="http://xbrl.org/2016/taxonomy-package" xml:lang="{document.language}">
  <tp:identifier>urn:esrs-s3:{document.lei}:{document.period_end}</tp:identifier>
  <tp:name>{name}</tp:name>
  <tp:version>{document.period_end}</tp:version>
  <tp:publisher>{escape(document.undertaking)}</tp:publisher>
  <tp:entryPoints>
    <tp:entryPoint>
      <tp:name>ESRS All (referenced)</tp:name>
      <tp:entryPointDocument href="{document.entry_point}"/>
    </tp:entryPoint>
  </tp:entryPoints>
</tp:taxonomyPackage>
""".encode()


def report_package(document: Document, xhtml: bytes, report_name: str = "statement.xhtml") -> bytes:
    """The zip bytes, deterministic."""
    root = package_name(document)
    return zip_bytes(
        {
            f"{root}/META-INF/taxonomyPackage.xml": taxonomy_package_xml(document),
            f"{root}/reports/{report_name}": xhtml,
        }
    )
