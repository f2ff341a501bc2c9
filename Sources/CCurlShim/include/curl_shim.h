// Typed wrappers for libcurl's variadic functions, which Swift cannot call directly. libcurl itself
// is loaded on first use (see curl_shim.c), so it costs nothing at start-up.
#ifndef SUPPORT_INTAKE_CURL_SHIM_H
#define SUPPORT_INTAKE_CURL_SHIM_H
#include <curl/curl.h>

typedef size_t (*curlshim_data_cb)(char *buffer, size_t size, size_t count, void *userdata);

CURLcode curlshim_setopt_long(CURL *handle, CURLoption option, long value);
CURLcode curlshim_setopt_off(CURL *handle, CURLoption option, curl_off_t value);
CURLcode curlshim_setopt_ptr(CURL *handle, CURLoption option, void *value);
CURLcode curlshim_setopt_str(CURL *handle, CURLoption option, const char *value);
CURLcode curlshim_setopt_cb(CURL *handle, CURLoption option, curlshim_data_cb value);
CURLcode curlshim_getinfo_long(CURL *handle, CURLINFO info, long *value);
CURLcode curlshim_getinfo_socket(CURL *handle, CURLINFO info, curl_socket_t *value);

/// NULL when libcurl is usable, else why not (it is loaded with dlopen on first use).
const char *curlshim_load_error(void);

#endif
