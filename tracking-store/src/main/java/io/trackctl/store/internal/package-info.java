/** Implementation of the store: not for use outside this module. */
package io.trackctl.store.internal;
