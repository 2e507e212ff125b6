// The world map: country shapes from world-atlas (no tile server) and the server's clusters of
// events as circle markers sized by count and coloured by their dominant PLOVER type.
/* global L, topojson */

import { TYPES, dominantType, el, formatNumber, typeColor } from "./common.js";

const DETAIL_ZOOM = 4; // from this zoom on, the 1:50m country shapes replace the 1:110m ones
const MAX_ZOOM = 12;
const BBOX_ZOOM = 5; // from this zoom on, clusters are asked for the area around the view only

export class EventMap {
  /**
   * @param {HTMLElement} container
   * @param {{onCluster: Function, onViewChange: Function}} handlers
   */
  constructor(container, handlers) {
    this.handlers = handlers;
    this.map = L.map(container, {
      minZoom: 1,
      maxZoom: MAX_ZOOM,
      worldCopyJump: true,
      zoomSnap: 1,
      preferCanvas: false,
    });
    this.map.attributionControl.setPrefix("Leaflet");
    this.map.attributionControl.addAttribution("Borders: Natural Earth (world-atlas)");
    this.countries = null;
    this.detail = "110m";
    this.shapes = {};
    this.markers = L.layerGroup().addTo(this.map);
    this.addLegend();
    this.map.on("moveend", () => {
      this.maybeSwapDetail();
      this.handlers.onViewChange(this.view());
    });
  }

  /** Show the given view ({lat, lon, zoom}) and draw the countries. */
  async init(view) {
    this.map.setView([view.lat, view.lon], view.zoom, { animate: false });
    await this.showCountries(this.map.getZoom() >= DETAIL_ZOOM ? "50m" : "110m");
  }

  async loadShapes(detail) {
    if (!this.shapes[detail]) {
      const response = await fetch(`/static/vendor/world-atlas/countries-${detail}.json`);
      if (!response.ok) {
        throw new Error(
          `country shapes countries-${detail}.json not found (${response.status}): ` +
            "build the dashboard's assets with `make web`",
        );
      }
      const topo = await response.json();
      this.shapes[detail] = unwrapAntimeridian(topojson.feature(topo, topo.objects.countries));
    }
    return this.shapes[detail];
  }

  async showCountries(detail) {
    const shapes = await this.loadShapes(detail);
    const layer = L.geoJSON(shapes, {
      interactive: false,
      style: { color: "#8a96a3", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 },
    });
    if (this.countries) this.countries.remove();
    this.countries = layer.addTo(this.map);
    this.countries.bringToBack();
    this.detail = detail;
  }

  maybeSwapDetail() {
    const wanted = this.map.getZoom() >= DETAIL_ZOOM ? "50m" : "110m";
    if (wanted !== this.detail) {
      this.detail = wanted;
      this.showCountries(wanted).catch((error) => this.handlers.onError(error));
    }
  }

  addLegend() {
    const legend = L.control({ position: "topright" });
    legend.onAdd = () => {
      const box = el("details", { class: "map-legend", open: this.map.getSize().y >= 320 });
      box.append(el("summary", { text: "Event types" }));
      const list = el("ul");
      for (const type of TYPES) {
        list.append(
          el(
            "li",
            {},
            el("span", { class: "swatch", style: `background:${typeColor(type)}` }),
            type,
          ),
        );
      }
      box.append(list);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      return box;
    };
    legend.addTo(this.map);
  }

  view() {
    const center = this.map.getCenter().wrap();
    return {
      lat: Number(center.lat.toFixed(3)),
      lon: Number(center.lng.toFixed(3)),
      zoom: this.map.getZoom(),
    };
  }

  zoom() {
    return this.map.getZoom();
  }

  /**
   * The area to ask clusters for: the view and half a view around it, so that a short pan needs
   * no new markers; null (the whole world) at the zooms that show most of it.
   */
  clusterBbox() {
    return this.map.getZoom() >= BBOX_ZOOM ? this.bbox(0.5) : null;
  }

  /** The visible area (grown by `pad` of its size) as `bbox=west,south,east,north`. */
  bbox(pad = 0) {
    const b = this.map.getBounds().pad(pad);
    let west = b.getWest();
    let east = b.getEast();
    if (east - west >= 360) {
      west = -180;
      east = 180;
    } else {
      west = ((((west + 180) % 360) + 360) % 360) - 180;
      east = west + (b.getEast() - b.getWest());
      if (east > 180) {
        // The view crosses the antimeridian: keep the larger side.
        if (180 - west >= east - 180) east = 180;
        else {
          east -= 360;
          west = -180;
        }
      }
    }
    const south = Math.max(-90, b.getSouth());
    const north = Math.min(90, b.getNorth());
    return [west, south, east, north].map((x) => x.toFixed(4)).join(",");
  }

  /** Replace the markers by the server's clusters. */
  setClusters(clusters) {
    this.markers.clearLayers();
    const sorted = [...clusters].sort((a, b) => b.count - a.count);
    for (const cluster of sorted) {
      if (cluster.lat === null || cluster.lon === null) continue;
      this.markers.addLayer(this.clusterMarker(cluster));
    }
  }

  clusterMarker(cluster) {
    const type = dominantType(cluster.types);
    const size = Math.round(14 + 6 * Math.log2(cluster.count));
    const dot = el("div", {
      class: "cluster-dot",
      style: `width:${size}px;height:${size}px;background:${typeColor(type)}`,
      dataset: { count: String(cluster.count), type: type || "" },
    });
    if (cluster.count > 1) dot.append(el("span", { text: compact(cluster.count) }));
    const parts = Object.entries(cluster.types || {})
      .sort((a, b) => b[1] - a[1])
      .map(([t, n]) => `${t} ${formatNumber(n)}`)
      .join(", ");
    const where = cluster.place_name ? `${cluster.place_name}: ` : "";
    const noun = cluster.count === 1 ? "event" : "events";
    const title = `${where}${formatNumber(cluster.count)} ${noun} (${parts})`;
    const marker = L.marker([cluster.lat, cluster.lon], {
      icon: L.divIcon({ html: dot, className: "cluster-icon", iconSize: [size, size] }),
      title,
      alt: title,
      keyboard: true,
      riseOnHover: true,
    });
    marker.on("click", () => this.handlers.onCluster(cluster));
    return marker;
  }

  /** Fit the view to the markers shown (at most a regional zoom); false when there are none. */
  fitToMarkers() {
    const points = this.markers.getLayers().map((m) => m.getLatLng());
    if (!points.length) return false;
    this.map.fitBounds(L.latLngBounds(points).pad(0.5), { maxZoom: 5, animate: false });
    return true;
  }

  /** Zoom in on a cluster; false when already at the deepest zoom. */
  zoomInto(cluster) {
    const zoom = this.map.getZoom();
    if (zoom >= MAX_ZOOM) return false;
    this.map.setView([cluster.lat, cluster.lon], Math.min(MAX_ZOOM, zoom + 2));
    return true;
  }

  invalidateSize() {
    this.map.invalidateSize();
  }
}

/**
 * Shapes that cross the antimeridian (Fiji, Chukotka) jump from +180 to -180 and would be drawn
 * as a band across the world: shift their longitudes so each ring stays continuous. A ring that
 * goes all around the globe (Antarctica) does not close once shifted and is kept as it is.
 */
function unwrapAntimeridian(collection) {
  const unwrapRing = (ring) => {
    let shift = 0;
    const out = ring.map(([lon, lat], i) => {
      if (i > 0) {
        const previous = ring[i - 1][0];
        if (lon - previous > 180) shift -= 360;
        else if (previous - lon > 180) shift += 360;
      }
      return [lon + shift, lat];
    });
    return shift === 0 ? out : ring;
  };
  for (const feature of collection.features) {
    const g = feature.geometry;
    if (!g) continue;
    if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrapRing);
    else if (g.type === "MultiPolygon")
      g.coordinates = g.coordinates.map((poly) => poly.map(unwrapRing));
  }
  return collection;
}

function compact(n) {
  if (n >= 1e6) return `${(n / 1e6).toFixed(n >= 1e7 ? 0 : 1)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(n >= 1e4 ? 0 : 1)}k`;
  return String(n);
}
