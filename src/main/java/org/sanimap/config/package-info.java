/** Typed application configuration ({@code sanimap.*}). */
package org.sanimap.config;
