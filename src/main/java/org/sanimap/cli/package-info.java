/** Batch commands run from the same jar without a server or a database ({@code java -jar sanimap.jar coverage ...}). */
package org.sanimap.cli;
