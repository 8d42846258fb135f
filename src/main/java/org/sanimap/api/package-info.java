/** Small request-parsing and download-format pieces shared by the feature controllers (no dependency on any feature). */
package org.sanimap.api;
