/** Placeholder: registers the service worker after load and shows the offline note. */
export {};
