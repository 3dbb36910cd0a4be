//! The one XMP metadata packet of every file: title, description, author,
//! language, dates and producer as in the Info dictionary, the PDF/UA
//! identification (every file is tagged), and for PDF/X-4 files the
//! `pdfxid` version, `Trapped` and the `xmpMM` identifiers.

use lopdf::{Dictionary, Document, Object, Stream};
use sha2::{Digest, Sha256};

use super::post::{PRODUCER, iso_date, pdf_date};
use super::{Metadata, PdfOptions, pdfx::PDFX_VERSION};

/// Adds the packet as an uncompressed stream (PDF/A, PDF/UA and PDF/X
/// readers expect plain XML) and points the catalog's `/Metadata` at it.
pub(super) fn attach(doc: &mut Document, meta: &Metadata, options: &PdfOptions) {
    let mut dict = Dictionary::new();
    dict.set("Type", Object::Name(b"Metadata".to_vec()));
    dict.set("Subtype", Object::Name(b"XML".to_vec()));
    let stream = Stream::new(dict, packet(meta, options).into_bytes()).with_compression(false);
    let id = doc.add_object(stream);
    let Ok(root) = doc.trailer.get(b"Root").and_then(Object::as_reference) else {
        return;
    };
    if let Ok(catalog) = doc.get_object_mut(root).and_then(Object::as_dict_mut) {
        catalog.set("Metadata", Object::Reference(id));
    }
}

/// Escapes text for XML.
fn xml(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// `YYYY-MM-DDTHH:MM:SSZ`, the XMP form of a date.
fn xmp_date(timestamp: i64) -> String {
    let d = pdf_date(timestamp);
    format!(
        "{}T{}:{}:{}Z",
        iso_date(timestamp),
        &d[10..12],
        &d[12..14],
        &d[14..16]
    )
}

/// A UUID derived from the title and timestamp (same input, same ID).
fn uuid(meta: &Metadata, options: &PdfOptions) -> String {
    let mut hasher = Sha256::new();
    hasher.update(meta.title.as_bytes());
    hasher.update(options.timestamp.to_be_bytes());
    let h: String = hasher.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    format!(
        "{}-{}-{}-{}-{}",
        &h[0..8],
        &h[8..12],
        &h[12..16],
        &h[16..20],
        &h[20..32]
    )
}

/// The XML packet.
fn packet(meta: &Metadata, options: &PdfOptions) -> String {
    let date = xmp_date(options.timestamp);
    let title = xml(&meta.title);
    let lang = xml(&meta.lang);
    let mut optional = String::new();
    if !meta.subject.is_empty() {
        optional.push_str(&format!(
            "   <dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">{}</rdf:li></rdf:Alt></dc:description>\n",
            xml(&meta.subject)
        ));
    }
    if !meta.author.is_empty() {
        optional.push_str(&format!(
            "   <dc:creator><rdf:Seq><rdf:li>{}</rdf:li></rdf:Seq></dc:creator>\n",
            xml(&meta.author)
        ));
    }
    if options.pdfx {
        let uuid = uuid(meta, options);
        optional.push_str(&format!(
            "   <pdf:Trapped>False</pdf:Trapped>
   <xmpMM:DocumentID>uuid:{uuid}</xmpMM:DocumentID>
   <xmpMM:InstanceID>uuid:{uuid}</xmpMM:InstanceID>
   <xmpMM:VersionID>1</xmpMM:VersionID>
   <xmpMM:RenditionClass>default</xmpMM:RenditionClass>
   <pdfxid:GTS_PDFXVersion>{PDFX_VERSION}</pdfxid:GTS_PDFXVersion>
"
        ));
    }
    let bom = '\u{feff}';
    format!(
        r#"<?xpacket begin="{bom}" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about=""
    xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:xmp="http://ns.adobe.com/xap/1.0/"
    xmlns:pdf="http://ns.adobe.com/pdf/1.3/"
    xmlns:xmpMM="http://ns.adobe.com/xap/1.0/mm/"
    xmlns:pdfxid="http://www.npes.org/pdfx/ns/id/"
    xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
   <dc:format>application/pdf</dc:format>
   <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>
   <dc:language><rdf:Bag><rdf:li>{lang}</rdf:li></rdf:Bag></dc:language>
{optional}   <xmp:CreateDate>{date}</xmp:CreateDate>
   <xmp:ModifyDate>{date}</xmp:ModifyDate>
   <xmp:MetadataDate>{date}</xmp:MetadataDate>
   <xmp:CreatorTool>wellprint</xmp:CreatorTool>
   <pdf:Producer>{PRODUCER}</pdf:Producer>
   <pdfuaid:part>1</pdfuaid:part>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> Metadata {
        Metadata {
            title: "CHIME & you".to_owned(),
            subject: String::new(),
            author: String::new(),
            lang: "en-GB".to_owned(),
        }
    }

    #[test]
    fn packet_names_pdfx_only_when_asked() {
        let plain = packet(&meta(), &PdfOptions::default());
        assert!(plain.contains("<pdfuaid:part>1</pdfuaid:part>"));
        assert!(plain.contains("CHIME &amp; you"));
        assert!(!plain.contains("<pdfxid:GTS_PDFXVersion>"));
        let x = packet(
            &meta(),
            &PdfOptions {
                pdfx: true,
                ..PdfOptions::default()
            },
        );
        assert!(x.contains("<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>"));
        assert!(x.contains("<pdf:Trapped>False</pdf:Trapped>"));
    }
}
