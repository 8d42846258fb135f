/**
 * Users, roles and sign-in: accounts in the store with BCrypt passwords, the first admin, the
 * {@code /api/users} endpoints and the Spring Security rules of every endpoint (form login for the
 * map, HTTP Basic for the API, anonymous reading when {@code sanimap.security.public-read=true}).
 */
package org.sanimap.user;
