/** Loads the Porto Alegre demo city into an empty store on first start. */
package org.sanimap.demo;
