package org.sanimap.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** One streaming (StAX) pass over an OSM XML file, plain or gzip-compressed. */
final class OsmXmlScanner {

    private OsmXmlScanner() {
    }

    /** @throws ImportRejectedException when the file is not OSM XML */
    static void scan(Path file, OsmElementVisitor visitor) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        try (InputStream in = open(file)) {
            XMLStreamReader xml = factory.createXMLStreamReader(in);
            boolean sawRoot = false;
            String element = null;
            long id = 0;
            double lon = 0;
            double lat = 0;
            boolean deleted = false;
            Map<String, String> tags = new HashMap<>();
            List<Long> refs = new ArrayList<>();
            List<OsmElementVisitor.Member> members = new ArrayList<>();
            while (xml.hasNext()) {
                int event = xml.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    String name = xml.getLocalName();
                    if (!sawRoot) {
                        if (!name.equals("osm") && !name.equals("osmChange")) {
                            throw new ImportRejectedException("not an OSM XML file: the root element is <" + name + ">, not <osm>");
                        }
                        sawRoot = true;
                        continue;
                    }
                    switch (name) {
                        case "node", "way", "relation" -> {
                            element = name;
                            id = Long.parseLong(attr(xml, "id", name));
                            deleted = "false".equals(xml.getAttributeValue(null, "visible"))
                                    || "delete".equals(xml.getAttributeValue(null, "action"));
                            if (name.equals("node")) {
                                String latText = xml.getAttributeValue(null, "lat");
                                String lonText = xml.getAttributeValue(null, "lon");
                                deleted |= latText == null || lonText == null;
                                lat = latText == null ? 0 : Double.parseDouble(latText);
                                lon = lonText == null ? 0 : Double.parseDouble(lonText);
                            }
                            tags = new HashMap<>();
                            refs.clear();
                            members = new ArrayList<>();
                        }
                        case "tag" -> {
                            if (element != null) {
                                tags.put(attr(xml, "k", "tag"), attr(xml, "v", "tag"));
                            }
                        }
                        case "nd" -> refs.add(Long.parseLong(attr(xml, "ref", "nd")));
                        case "member" -> members.add(new OsmElementVisitor.Member(attr(xml, "type", "member"),
                                Long.parseLong(attr(xml, "ref", "member")),
                                xml.getAttributeValue(null, "role") == null ? "" : xml.getAttributeValue(null, "role")));
                        default -> {
                            // bounds, changeset, etc.
                        }
                    }
                } else if (event == XMLStreamConstants.END_ELEMENT && element != null
                        && xml.getLocalName().equals(element)) {
                    if (!deleted) {
                        switch (element) {
                            case "node" -> visitor.node(id, lon, lat, tags);
                            case "way" -> visitor.way(id, refs.stream().mapToLong(Long::longValue).toArray(), tags);
                            default -> visitor.relation(id, members, tags);
                        }
                    }
                    element = null;
                }
            }
            if (!sawRoot) {
                throw new ImportRejectedException("not an OSM XML file: no <osm> element");
            }
        } catch (ImportRejectedException e) {
            throw e;
        } catch (XMLStreamException e) {
            throw new ImportRejectedException("not a valid OSM XML file: " + e.getMessage().lines().reduce((a, b) -> b).orElse("")
                    + (e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber()));
        } catch (IOException | RuntimeException e) {
            throw new ImportRejectedException("not a valid OSM XML file: " + e.getMessage());
        }
    }

    private static String attr(XMLStreamReader xml, String name, String element) {
        String v = xml.getAttributeValue(null, name);
        if (v == null) {
            throw new ImportRejectedException("not a valid OSM XML file: <" + element + "> without '" + name
                    + "' at line " + xml.getLocation().getLineNumber());
        }
        return v;
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        in.mark(2);
        int b1 = in.read();
        int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new BufferedInputStream(new GZIPInputStream(in), 1 << 16) : in;
    }
}
