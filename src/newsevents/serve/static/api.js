// The dashboard's calls to the server's JSON API (same origin only).

/** An API answer that was not a success: its status and the server's message. */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

/** GET `/api/<path>` with the given URLSearchParams; the parsed JSON, or an ApiError. */
export async function getJson(path, params, { signal } = {}) {
  const query = params && String(params) ? `?${params}` : "";
  const response = await fetch(`/api/${path}${query}`, {
    signal,
    headers: { Accept: "application/json" },
  });
  if (!response.ok) {
    let message = `${response.status} ${response.statusText}`;
    try {
      const body = await response.json();
      message = describeDetail(body.detail) || message;
    } catch {
      // not JSON: keep the status line
    }
    throw new ApiError(response.status, `/api/${path}: ${message}`);
  }
  return response.json();
}

/** FastAPI's `detail` is a string, or a list of validation errors naming their parameter. */
function describeDetail(detail) {
  if (!detail) return "";
  if (typeof detail === "string") return detail;
  if (Array.isArray(detail)) {
    return detail
      .map((item) => {
        const where = Array.isArray(item.loc)
          ? item.loc.filter((x) => x !== "query").join(".")
          : "";
        const msg = String(item.msg || JSON.stringify(item));
        return where && !msg.startsWith(`${where}:`) ? `${where}: ${msg}` : msg;
      })
      .join("; ");
  }
  return JSON.stringify(detail);
}

/** Filters as the API takes them, from the dashboard's state (see app.js `state.filters`). */
export function filterParams(filters, { dates = true, bbox = null } = {}) {
  const params = new URLSearchParams();
  for (const type of filters.type) params.append("type", type);
  for (const status of filters.status) params.append("status", status);
  for (const key of ["mode", "context", "country", "lang", "q"]) {
    const value = (filters[key] || "").trim();
    if (value) params.set(key, key === "country" ? value.toUpperCase() : value);
  }
  if (dates) {
    if (filters.since) params.set("since", filters.since);
    if (filters.until) params.set("until", filters.until);
  }
  if (bbox) params.set("bbox", bbox);
  return params;
}
