/** Web infrastructure shared by the feature controllers: problem+json errors and map configuration. */
package org.sanimap.web;
