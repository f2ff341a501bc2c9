// The libcurl functions support-intake uses, with libcurl loaded on first use (dlopen) instead of
// at program start.
//
// Why: libcurl pulls in about 30 shared libraries (TLS, LDAP, Kerberos, HTTP/2, ...), and binding
// their symbols made up most of the start-up time of every run, also of commands that never touch
// the network (`parse`, `classify`, `tickets`). Only the functions support-intake calls are
// defined here, with curl's own names and signatures, each forwarding to the real one.
#define _GNU_SOURCE
#include <dlfcn.h>
#include <pthread.h>
#include <stddef.h>
#include "curl_shim.h"

static struct {
    CURLcode (*global_init)(long);
    CURL *(*easy_init)(void);
    void (*easy_cleanup)(CURL *);
    CURLcode (*easy_perform)(CURL *);
    CURLcode (*easy_send)(CURL *, const void *, size_t, size_t *);
    CURLcode (*easy_recv)(CURL *, void *, size_t, size_t *);
    const char *(*easy_strerror)(CURLcode);
    CURLcode (*easy_setopt)(CURL *, CURLoption, ...);
    CURLcode (*easy_getinfo)(CURL *, CURLINFO, ...);
    struct curl_slist *(*slist_append)(struct curl_slist *, const char *);
    void (*slist_free_all)(struct curl_slist *);
} curl_api;

static pthread_once_t curl_api_once = PTHREAD_ONCE_INIT;
static int curl_api_loaded = 0;

static void curl_api_load(void) {
    void *library = dlopen("libcurl.so.4", RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) return;
#define CURL_API_SYMBOL(field, name) \
    *(void **)(&curl_api.field) = dlsym(library, name); \
    if (curl_api.field == NULL) return;
    CURL_API_SYMBOL(global_init, "curl_global_init")
    CURL_API_SYMBOL(easy_init, "curl_easy_init")
    CURL_API_SYMBOL(easy_cleanup, "curl_easy_cleanup")
    CURL_API_SYMBOL(easy_perform, "curl_easy_perform")
    CURL_API_SYMBOL(easy_send, "curl_easy_send")
    CURL_API_SYMBOL(easy_recv, "curl_easy_recv")
    CURL_API_SYMBOL(easy_strerror, "curl_easy_strerror")
    CURL_API_SYMBOL(easy_setopt, "curl_easy_setopt")
    CURL_API_SYMBOL(easy_getinfo, "curl_easy_getinfo")
    CURL_API_SYMBOL(slist_append, "curl_slist_append")
    CURL_API_SYMBOL(slist_free_all, "curl_slist_free_all")
#undef CURL_API_SYMBOL
    curl_api_loaded = 1;
}

/// 1 when libcurl.so.4 and every function support-intake needs were found.
static int curl_api_ready(void) {
    pthread_once(&curl_api_once, curl_api_load);
    return curl_api_loaded;
}

const char *curlshim_load_error(void) {
    return curl_api_ready() ? NULL : "libcurl.so.4 could not be loaded (install Debian's libcurl4)";
}

// Every handle comes from curl_easy_init, which fails without the library, so the functions that
// take a handle run only after a successful load.
CURLcode curl_global_init(long flags) { return curl_api_ready() ? curl_api.global_init(flags) : CURLE_FAILED_INIT; }
CURL *curl_easy_init(void) { return curl_api_ready() ? curl_api.easy_init() : NULL; }
void curl_easy_cleanup(CURL *handle) { if (curl_api_ready()) curl_api.easy_cleanup(handle); }
CURLcode curl_easy_perform(CURL *handle) { return curl_api.easy_perform(handle); }
CURLcode curl_easy_send(CURL *handle, const void *buffer, size_t length, size_t *sent) {
    return curl_api.easy_send(handle, buffer, length, sent);
}
CURLcode curl_easy_recv(CURL *handle, void *buffer, size_t length, size_t *received) {
    return curl_api.easy_recv(handle, buffer, length, received);
}
const char *curl_easy_strerror(CURLcode code) {
    return curl_api_ready() ? curl_api.easy_strerror(code) : "libcurl is not available";
}
struct curl_slist *curl_slist_append(struct curl_slist *list, const char *text) {
    return curl_api_ready() ? curl_api.slist_append(list, text) : NULL;
}
void curl_slist_free_all(struct curl_slist *list) { if (curl_api_ready()) curl_api.slist_free_all(list); }

// Typed forms of the variadic curl_easy_setopt and curl_easy_getinfo, which Swift cannot call.
CURLcode curlshim_setopt_long(CURL *handle, CURLoption option, long value) { return curl_api.easy_setopt(handle, option, value); }
CURLcode curlshim_setopt_off(CURL *handle, CURLoption option, curl_off_t value) { return curl_api.easy_setopt(handle, option, value); }
CURLcode curlshim_setopt_ptr(CURL *handle, CURLoption option, void *value) { return curl_api.easy_setopt(handle, option, value); }
CURLcode curlshim_setopt_str(CURL *handle, CURLoption option, const char *value) { return curl_api.easy_setopt(handle, option, value); }
CURLcode curlshim_setopt_cb(CURL *handle, CURLoption option, curlshim_data_cb value) { return curl_api.easy_setopt(handle, option, value); }
CURLcode curlshim_getinfo_long(CURL *handle, CURLINFO info, long *value) { return curl_api.easy_getinfo(handle, info, value); }
CURLcode curlshim_getinfo_socket(CURL *handle, CURLINFO info, curl_socket_t *value) { return curl_api.easy_getinfo(handle, info, value); }
