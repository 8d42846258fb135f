package org.sanimap.demand;

import java.util.List;

/** No demand or district layer has this name. */
public class LayerNotFoundException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public LayerNotFoundException(String kind, String name, List<String> existing) {
        super(kind + " layer '" + name + "' not found; there are " + existing);
    }
}
