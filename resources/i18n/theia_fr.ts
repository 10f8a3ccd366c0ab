<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
  <context>
    <name>Theia</name>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="40" />
      <source> s</source>
      <translation> s</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="76" />
      <source>&amp;Theia</source>
      <translation>&amp;Theia</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="200" />
      <source>A saved search must be a JSON object</source>
      <translation>Une recherche enregistrée doit être un objet JSON</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="153" />
      <source>Access denied</source>
      <translation>Accès refusé</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/__init__.py" line="118" />
      <source>An authentication configuration ({id}) can only be used inside QGIS; pass the credentials as headers instead</source>
      <translation>Une configuration d'authentification ({id}) ne peut être utilisée que dans QGIS ; passez plutôt les identifiants en en-têtes</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="154" />
      <source>Authentication failed</source>
      <translation>Échec de l'authentification</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="46" />
      <source>Back to cloud: minimum red (milli-reflectance)</source>
      <translation>Retour en nuage : rouge minimal (milli-réflectance)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="266" />
      <source>Bounding box latitudes must be between -90 and 90 (south {south}, north {north})</source>
      <translation>Les latitudes de l'emprise doivent être comprises entre -90 et 90 (sud {south}, nord {north})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="261" />
      <source>Bounding box longitudes must be between -180 and 180 (west {west}, east {east})</source>
      <translation>Les longitudes de l'emprise doivent être comprises entre -180 et 180 (ouest {west}, est {east})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="49" />
      <source>CLM bit of high clouds</source>
      <translation>Bit CLM des nuages hauts</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="48" />
      <source>CLM bit of shadows of clouds outside the image</source>
      <translation>Bit CLM des ombres des nuages hors de l'image</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="47" />
      <source>CLM bit of shadows of detected clouds</source>
      <translation>Bit CLM des ombres des nuages détectés</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="65" />
      <source>Cache folder</source>
      <translation>Dossier de cache</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/engine.py" line="246" />
      <location filename="../../theia_plugin/core/snow/run_detection.py" line="79" />
      <location filename="../../theia_plugin/net/errors.py" line="278" />
      <source>Cancelled by the user</source>
      <translation>Annulé par l'utilisateur</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/themes.py" line="90" />
      <source>Cannot read the CES themes file {path}: {error}</source>
      <translation>Impossible de lire le fichier des thèmes des CES {path} : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="288" />
      <source>Check that the URL points to the service's API; the server may be misconfigured</source>
      <translation>Vérifiez que l'URL désigne bien l'API du service ; le serveur est peut-être mal configuré</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="158" />
      <source>Check that your account or API key gives access to this resource, and the authentication configuration selected for this connection ({settings})</source>
      <translation>Vérifiez que votre compte ou votre clé d'API donne accès à cette ressource, ainsi que la configuration d'authentification choisie pour cette connexion ({settings})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="162" />
      <source>Check the API key or the user name and password of the authentication configuration selected for this connection ({settings})</source>
      <translation>Vérifiez la clé d'API ou le nom d'utilisateur et le mot de passe de la configuration d'authentification choisie pour cette connexion ({settings})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="179" />
      <source>Check the URL; the item may have been removed or moved</source>
      <translation>Vérifiez l'URL ; l'élément a peut-être été supprimé ou déplacé</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="239" />
      <source>Check the address and your Internet connection, and whether a proxy is needed ({settings})</source>
      <translation>Vérifiez l'adresse et votre connexion Internet, et si un proxy est nécessaire ({settings})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="440" />
      <location filename="../../theia_plugin/net/requests_transport.py" line="262" />
      <source>Check the address of the service</source>
      <translation>Vérifiez l'adresse du service</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="685" />
      <location filename="../../theia_plugin/net/requests_transport.py" line="279" />
      <source>Check the address, your Internet connection and DNS</source>
      <translation>Vérifiez l'adresse, votre connexion Internet et le DNS</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="268" />
      <source>Check the computer's date and time; if your organisation inspects HTTPS traffic, add its certificate authority in {settings} › Certificate Manager</source>
      <translation>Vérifiez la date et l'heure de l'ordinateur ; si votre organisme inspecte le trafic HTTPS, ajoutez son autorité de certification dans {settings} › Gestionnaire de certificats</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="258" />
      <location filename="../../theia_plugin/net/qgis_transport.py" line="671" />
      <source>Check the proxy host and port in {settings}</source>
      <translation>Vérifiez l'hôte et le port du proxy dans {settings}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="255" />
      <source>Check the proxy user name and password in {settings}</source>
      <translation>Vérifiez le nom d'utilisateur et le mot de passe du proxy dans {settings}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="144" />
      <source>Check the request parameters</source>
      <translation>Vérifiez les paramètres de la requête</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="381" />
      <source>Choose an existing authentication configuration for this connection ({settings})</source>
      <translation>Choisissez une configuration d'authentification existante pour cette connexion ({settings})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="387" />
      <source>Choose at least one index or give a formula.</source>
      <translation>Choisissez au moins un indice ou donnez une formule.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="67" />
      <source>Cloud</source>
      <translation>Nuage</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="208" />
      <source>Cloud (%)</source>
      <translation>Nuage (%)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="45" />
      <source>Cloud refinement: dark cloud maximum red (milli-reflectance)</source>
      <translation>Affinage des nuages : rouge maximal d'un nuage sombre (milli-réflectance)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="44" />
      <source>Cloud refinement: red downsampling factor rf</source>
      <translation>Affinage des nuages : facteur de sous-échantillonnage du rouge rf</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="96" />
      <source>Computes a spectral index of a Theia Sentinel-2 L2A product (folder or zip, read in place) and writes it as a Cloud Optimized GeoTIFF.

Index: any of the Awesome Spectral Indices computable from Theia L2A bands (e.g. NDVI, NDWI after McFeeters, NDSI, NBR, SAVI, EVI), or a formula of your own over the band names B, G, R, RE1, RE2, RE3, N, N2, S1, S2 (reflectance 0–1), e.g. (N - R) / (N + R).

Pixels flagged by the cloud mask (CLM) or outside the swath (EDG) become nodata unless unticked. 20 m bands are read at 10 m by nearest neighbour; at 20 m, 10 m bands are averaged. Output: float32 with NaN nodata, or int16 ×10000 with −10000 like Theia's own indices.

Reference: Montero et al. (2023), Awesome Spectral Indices, Scientific Data 10, 197.</source>
      <translation>Calcule un indice spectral d'un produit Theia Sentinel-2 L2A (dossier ou zip, lu sur place) et l'écrit en GeoTIFF optimisé pour le cloud (COG).

Indice : n'importe lequel des Awesome Spectral Indices calculables avec les bandes Theia L2A (par ex. NDVI, NDWI de McFeeters, NDSI, NBR, SAVI, EVI), ou une formule de votre cru sur les noms de bandes B, G, R, RE1, RE2, RE3, N, N2, S1, S2 (réflectance 0–1), par ex. (N - R) / (N + R).

Les pixels signalés par le masque de nuages (CLM) ou hors de la fauchée (EDG) deviennent sans données, sauf si ces options sont décochées. Les bandes à 20 m sont lues à 10 m au plus proche voisin ; à 20 m, les bandes à 10 m sont moyennées. Sortie : float32 avec NaN comme valeur sans données, ou int16 ×10000 avec −10000 comme les indices de Theia.

Référence : Montero et al. (2023), Awesome Spectral Indices, Scientific Data 10, 197.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="422" />
      <source>Computes one spectral index for each of several Theia Sentinel-2 L2A products and writes one Cloud Optimized GeoTIFF per product, named &lt;product&gt;_&lt;INDEX&gt;.tif, in the output folder.

Products: a folder (every L2A zip or product folder directly inside it, or the folder itself if it is a product) and/or a list of product zips or folders, one path per line or separated by semicolons (in qgis_process: --PRODUCTS="/data/a.zip;/data/b.zip").

Index: any of the Awesome Spectral Indices computable from Theia L2A bands, or a formula of your own over B, G, R, RE1, RE2, RE3, N, N2, S1, S2 (reflectance 0–1), which replaces the index; its files are then named &lt;product&gt;_formula.tif.

A product that cannot be processed (missing bands, another grid, corrupt or truncated file) is reported as an error and leaves no file behind; the other products go on. Cancelling stops at once and leaves no partial file. Outputs: the output folder, the list of written files and the number of failed products.

Reference: Montero et al. (2023), Awesome Spectral Indices, Scientific Data 10, 197.</source>
      <translation>Calcule un indice spectral pour chacun de plusieurs produits Theia Sentinel-2 L2A et écrit un GeoTIFF optimisé pour le cloud (COG) par produit, nommé &lt;produit&gt;_&lt;INDICE&gt;.tif, dans le dossier de sortie.

Produits : un dossier (chaque zip L2A ou dossier de produit qu'il contient directement, ou le dossier lui-même s'il s'agit d'un produit) et/ou une liste de zips ou de dossiers de produits, un chemin par ligne ou séparés par des points-virgules (dans qgis_process : --PRODUCTS="/data/a.zip;/data/b.zip").

Indice : n'importe lequel des Awesome Spectral Indices calculables avec les bandes Theia L2A, ou une formule personnelle sur B, G, R, RE1, RE2, RE3, N, N2, S1, S2 (réflectance 0–1), qui remplace l'indice ; ses fichiers sont alors nommés &lt;produit&gt;_formula.tif.

Un produit qui ne peut pas être traité (bandes manquantes, autre grille, fichier corrompu ou tronqué) est signalé comme une erreur et ne laisse aucun fichier ; les autres produits continuent. L'annulation arrête aussitôt et ne laisse aucun fichier partiel. Sorties : le dossier de sortie, la liste des fichiers écrits et le nombre de produits en échec.

Référence : Montero et al. (2023), Awesome Spectral Indices, Scientific Data 10, 197.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="336" />
      <source>Computes several spectral indices of one Theia Sentinel-2 L2A product (folder or zip, read in place) in a single pass over its bands, and writes one Cloud Optimized GeoTIFF per index, named &lt;product&gt;_&lt;INDEX&gt;.tif, in the output folder.

Indices: any of the Awesome Spectral Indices computable from Theia L2A bands (e.g. NDVI, NDWI after McFeeters, NDMI, NDSI, NBR, SAVI, EVI), and/or formulas of your own, one per line or separated by semicolons, written name = formula over the band names B, G, R, RE1, RE2, RE3, N, N2, S1, S2 (reflectance 0–1), e.g. mine = (N - R) / (N + R + 0.5). The name is used in the file name.

Pixels flagged by the cloud mask (CLM) or outside the swath (EDG) become nodata unless unticked. Output: float32 with NaN nodata, or int16 ×10000 with −10000 like Theia's own indices. Outputs: the output folder and the list of written files; opened files are styled (a diverging red–green ramp for normalised differences).

Reference: Montero et al. (2023), Awesome Spectral Indices, Scientific Data 10, 197.</source>
      <translation>Calcule plusieurs indices spectraux d'un produit Theia Sentinel-2 L2A (dossier ou zip, lu sur place) en un seul passage sur ses bandes, et écrit un GeoTIFF optimisé pour le cloud (COG) par indice, nommé &lt;produit&gt;_&lt;INDICE&gt;.tif, dans le dossier de sortie.

Indices : n'importe lesquels des Awesome Spectral Indices calculables avec les bandes Theia L2A (par ex. NDVI, NDWI de McFeeters, NDMI, NDSI, NBR, SAVI, EVI), et/ou des formules personnelles, une par ligne ou séparées par des points-virgules, écrites nom = formule sur les noms de bandes B, G, R, RE1, RE2, RE3, N, N2, S1, S2 (réflectance 0–1), par ex. mon_indice = (N - R) / (N + R + 0.5). Le nom sert au nom du fichier.

Les pixels signalés par le masque de nuages (CLM) ou hors de la fauchée (EDG) deviennent sans données, sauf si ces options sont décochées. Sortie : float32 avec NaN comme valeur sans données, ou int16 ×10000 avec −10000 comme les indices de Theia. Sorties : le dossier de sortie et la liste des fichiers écrits ; les fichiers ouverts sont symbolisés (une rampe divergente rouge–vert pour les différences normalisées).

Référence : Montero et al. (2023), Awesome Spectral Indices, Scientific Data 10, 197.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="236" />
      <source>Could not connect to the server</source>
      <translation>Connexion au serveur impossible</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/products.py" line="114" />
      <source>DEM</source>
      <translation>MNT</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="172" />
      <source>DEM (metres)</source>
      <translation>MNT (mètres)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="67" />
      <source>Default download folder</source>
      <translation>Dossier de téléchargement par défaut</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="70" />
      <source>Detailed logs (debug mode)</source>
      <translation>Journaux détaillés (mode débogage)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/toolbelt/log.py" line="79" />
      <source>Details…</source>
      <translation>Détails…</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="148" />
      <source>Detects snow on one Theia Sentinel-2 L2A product (folder or zip, read in place) like Theia's operational Let It Snow processor, on the 20 m grid.

Inputs: the L2A product (bands B3, B4, B11 and the cloud mask CLM_R2 are used; B3 and B4 are cubic-resampled to 20 m), a DEM covering the product in any projection and resolution (resampled bilinearly to the 20 m grid), and optionally a tree cover density raster (%) for the on-ground fractional snow cover. The advanced parameters default to the upstream Sentinel-2 values.

Outputs, written as Cloud Optimized GeoTIFFs named like Theia's products in the output folder: SEB (0 no snow, 100 snow, 205 cloud, 255 no data), FSC-TOC (fractional snow cover, 1–100 %, same codes), FSC-OG with a tree cover density, NDSI (%), an expert bit mask (1 pass 1, 2 pass 2, 4 all clouds, 8 refined clouds), and a JSON file with the snowline elevation zs (−1000 when not found), the snow and cloud percentages of the valid pixels and the parameters.

Reference: Gascoin S., Grizonnet M., Bouchet M., Salgues G., Hagolle O. (2019), Theia Snow collection: high-resolution operational snow cover maps from Sentinel-2 and Landsat-8 data, Earth System Science Data 11, 493–514.</source>
      <translation>Détecte la neige sur un produit Theia Sentinel-2 L2A (dossier ou zip, lu sur place) comme la chaîne opérationnelle Let It Snow de Theia, sur la grille à 20 m.

Entrées : le produit L2A (les bandes B3, B4, B11 et le masque de nuages CLM_R2 sont utilisés ; B3 et B4 sont rééchantillonnées à 20 m en cubique), un MNT couvrant le produit dans n'importe quelle projection et résolution (rééchantillonné en bilinéaire sur la grille à 20 m) et, en option, un raster de densité du couvert arboré (%) pour la fraction de neige au sol. Les paramètres avancés valent par défaut les valeurs Sentinel-2 de la chaîne d'origine.

Sorties, écrites en GeoTIFF optimisés pour le cloud (COG) nommés comme les produits de Theia dans le dossier de sortie : SEB (0 pas de neige, 100 neige, 205 nuage, 255 sans données), FSC-TOC (fraction de surface enneigée, 1–100 %, mêmes codes), FSC-OG avec une densité du couvert arboré, NDSI (%), un masque de bits expert (1 passe 1, 2 passe 2, 4 tous nuages, 8 nuages affinés), et un fichier JSON avec l'altitude de la limite de l'enneigement zs (−1000 si elle n'est pas trouvée), les pourcentages de neige et de nuages des pixels valides et les paramètres.

Référence : Gascoin S., Grizonnet M., Bouchet M., Salgues G., Hagolle O. (2019), Theia Snow collection: high-resolution operational snow cover maps from Sentinel-2 and Landsat-8 data, Earth System Science Data 11, 493–514.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="336" />
      <source>Expected a JSON document but received {what}</source>
      <translation>Un document JSON était attendu, mais le serveur a renvoyé {what}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/stac_io.py" line="183" />
      <source>Expected a STAC JSON document but received “{snippet}”</source>
      <translation>Un document JSON STAC était attendu, mais le serveur a renvoyé « {snippet} »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="205" />
      <source>Expert bit mask</source>
      <translation>Masque de bits expert</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="203" />
      <source>FSC on ground</source>
      <translation>FSC au sol</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="202" />
      <source>FSC top of canopy</source>
      <translation>FSC au-dessus de la canopée</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="470" />
      <source>Failed products</source>
      <translation>Produits en échec</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="444" />
      <source>Folder of Theia L2A products</source>
      <translation>Dossier de produits Theia L2A</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="62" />
      <source>Folders</source>
      <translation>Dossiers</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="132" />
      <location filename="../../theia_plugin/processing/indices.py" line="466" />
      <source>Formula of your own (replaces the index)</source>
      <translation>Formule personnelle (remplace l'indice)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="160" />
      <source>Formula {formula!r} is not a valid expression: {reason}.</source>
      <translation>La formule {formula!r} n'est pas une expression valide : {reason}.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="166" />
      <location filename="../../theia_plugin/core/indices/formula.py" line="180" />
      <source>Formula {formula!r} is too deeply nested.</source>
      <translation>La formule {formula!r} est trop imbriquée.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="249" />
      <source>Formula {formula!r}: the exponent {value:g} is too large (at most {limit:g}).</source>
      <translation>Formule {formula!r} : l'exposant {value:g} est trop grand (au plus {limit:g}).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="214" />
      <source>Formula {formula!r}: the number {value} is too large.</source>
      <translation>Formule {formula!r} : le nombre {value} est trop grand.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="200" />
      <source>Formula {formula!r}: {construct} is not allowed. A formula may use numbers, band and constant names, + - * / ** and the functions {functions}.</source>
      <translation>Formule {formula!r} : {construct} n'est pas autorisé. Une formule peut utiliser des nombres, des noms de bandes et de constantes, + - * / ** et les fonctions {functions}.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="222" />
      <source>Formula {formula!r}: {name} is a function, write {name}(...).</source>
      <translation>Formule {formula!r} : {name} est une fonction, écrivez {name}(...).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="240" />
      <source>Formula {formula!r}: {name}() takes {count} argument(s).</source>
      <translation>Formule {formula!r} : {name}() prend {count} argument(s).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="373" />
      <source>Formulas of your own (name = formula, one per line)</source>
      <translation>Formules personnelles (nom = formule, une par ligne)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/cog.py" line="147" />
      <source>GDAL could not write {path}.</source>
      <translation>GDAL n'a pas pu écrire {path}.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/geodes_backend.py" line="123" />
      <source>GEODES sent a search response without a “features” list</source>
      <translation>GEODES a renvoyé une réponse de recherche sans liste « features »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="109" />
      <source>HTTP {status}</source>
      <translation>HTTP {status}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="88" />
      <source>Help</source>
      <translation>Aide</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="42" />
      <source>How long to wait for a server before giving up on a request.</source>
      <translation>Durée d'attente d'un serveur avant d'abandonner une requête.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="48" />
      <source>How many times a failed read request is tried again (with increasing delays).</source>
      <translation>Nombre de nouvelles tentatives d'une requête de lecture en échec (avec des délais croissants).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="126" />
      <location filename="../../theia_plugin/processing/indices.py" line="149" />
      <location filename="../../theia_plugin/processing/indices.py" line="460" />
      <source>Index</source>
      <translation>Indice</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="294" />
      <source>Index files</source>
      <translation>Fichiers d'indices</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="366" />
      <source>Indices</source>
      <translation>Indices</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="147" />
      <location filename="../../theia_plugin/processing/indices.py" line="284" />
      <source>Int16 ×10000 output like Theia</source>
      <translation>Sortie int16 ×10000 comme Theia</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="437" />
      <location filename="../../theia_plugin/net/requests_transport.py" line="262" />
      <source>Invalid URL</source>
      <translation>URL invalide</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/parameters.py" line="50" />
      <source>Invalid snow parameters: rf must be ≥ 1 (got {rf}) and dz &gt; 0 (got {dz})</source>
      <translation>Paramètres neige invalides : rf doit être ≥ 1 (reçu {rf}) et dz &gt; 0 (reçu {dz})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="141" />
      <location filename="../../theia_plugin/processing/indices.py" line="278" />
      <source>Mask clouds (CLM ≠ 0)</source>
      <translation>Masquer les nuages (CLM ≠ 0)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="144" />
      <location filename="../../theia_plugin/processing/indices.py" line="281" />
      <source>Mask no-data edges (EDG)</source>
      <translation>Masquer les bords sans données (EDG)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/catalogue.py" line="42" />
      <source>McFeeters (1996) water index on green and NIR, (G - N)/(G + N), for open water. It is not Gao's NDWI (NIR and SWIR, vegetation water content), which OTB calls NDWI: that one is NDMI here.</source>
      <translation>Indice d'eau de McFeeters (1996) sur le vert et le PIR, (G - N)/(G + N), pour les surfaces en eau libre. Ce n'est pas le NDWI de Gao (PIR et MIR, teneur en eau de la végétation), que l'OTB appelle NDWI : celui-ci est le NDMI ici.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="209" />
      <source>Metadata (JSON)</source>
      <translation>Métadonnées (JSON)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="204" />
      <source>NDSI (%)</source>
      <translation>NDSI (%)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/catalogue.py" line="48" />
      <source>NIR/SWIR moisture index, (N - S1)/(N + S1), for vegetation water content: the index OTB's RadiometricIndices calls NDWI, after Gao (1996). Also found as 'NDWI (Gao)'.</source>
      <translation>Indice d'humidité PIR/MIR, (N - S1)/(N + S1), pour la teneur en eau de la végétation : l'indice que RadiometricIndices de l'OTB appelle NDWI, d'après Gao (1996). Aussi nommé « NDWI (Gao) ».</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="36" />
      <source>Network</source>
      <translation>Réseau</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="483" />
      <source>No Theia L2A product given: choose a folder holding products or list them.</source>
      <translation>Aucun produit Theia L2A fourni : choisissez un dossier qui en contient ou listez-les.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/synthesis.py" line="140" />
      <source>No clear observation in the whole series: every date is cloudy or without data</source>
      <translation>Aucune observation claire dans toute la série : chaque date est nuageuse ou sans données</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="68" />
      <source>No data</source>
      <translation>Sans données</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="65" />
      <source>No snow</source>
      <translation>Pas de neige</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/synthesis.py" line="119" />
      <source>No snow product between {start} and {end} (period with a {margin}-day margin)</source>
      <translation>Aucun produit neige entre le {start} et le {end} (période avec une marge de {margin} jours)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="51" />
      <source>No-data value of the bands</source>
      <translation>Valeur sans données des bandes</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="530" />
      <source>None of the {count} products could be processed.</source>
      <translation>Aucun des {count} produits n'a pu être traité.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="451" />
      <source>Not a GEODES item: an object with an “id” was expected</source>
      <translation>Ce n'est pas un item GEODES : un objet avec un « id » était attendu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="436" />
      <source>Not a STAC item: an object with an “id” was expected</source>
      <translation>Ce n'est pas un item STAC : un objet avec un « id » était attendu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="288" />
      <source>Open the output files after running the algorithm</source>
      <translation>Ouvrir les fichiers produits après l'exécution de l'algorithme</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="292" />
      <location filename="../../theia_plugin/processing/snow.py" line="199" />
      <source>Output folder</source>
      <translation>Dossier de sortie</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="36" />
      <source>Pass 1: minimum NDSI</source>
      <translation>Passe 1 : NDSI minimal</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="37" />
      <source>Pass 1: minimum red (milli-reflectance)</source>
      <translation>Passe 1 : rouge minimal (milli-réflectance)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="43" />
      <source>Pass 2 only if pass-1 snow exceeds this fraction of the image</source>
      <translation>Passe 2 seulement si la neige de la passe 1 dépasse cette fraction de l'image</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="38" />
      <source>Pass 2: minimum NDSI</source>
      <translation>Passe 2 : NDSI minimal</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="39" />
      <source>Pass 2: minimum red (milli-reflectance)</source>
      <translation>Passe 2 : rouge minimal (milli-réflectance)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="53" />
      <source>Proxy, SSL and credentials are the QGIS ones: Settings › Options › Network and Settings › Options › Authentication.</source>
      <translation>Le proxy, le SSL et les identifiants sont ceux de QGIS : Préférences › Options › Réseau et Préférences › Options › Authentification.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="767" />
      <source>Redirections from https to http are not followed, as they would expose the data and credentials; check the address of the service or contact its operator</source>
      <translation>Les redirections de https vers http ne sont pas suivies, car elles exposeraient les données et les identifiants ; vérifiez l'adresse du service ou contactez son exploitant</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="50" />
      <source>Reflectance scale of the product over milli-reflectance</source>
      <translation>Échelle de réflectance du produit par rapport à la milli-réflectance</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="44" />
      <source>Request timeout</source>
      <translation>Délai d'attente des requêtes</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="137" />
      <location filename="../../theia_plugin/processing/indices.py" line="274" />
      <source>Resolution</source>
      <translation>Résolution</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="50" />
      <source>Retries</source>
      <translation>Nouvelles tentatives</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="131" />
      <source>Search with a bounding box or a geometry, not both</source>
      <translation>Cherchez avec une emprise ou une géométrie, pas les deux</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="52" />
      <source>Settings › Options › Authentication</source>
      <translation>Préférences › Options › Authentification</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="56" />
      <source>Settings › Options › Network</source>
      <translation>Préférences › Options › Réseau</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="83" />
      <source>Settings…</source>
      <translation>Paramètres…</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="333" />
      <source>Several indices at once</source>
      <translation>Plusieurs indices à la fois</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="142" />
      <location filename="../../theia_plugin/processing/snow.py" line="66" />
      <source>Snow</source>
      <translation>Neige</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="207" />
      <source>Snow (%)</source>
      <translation>Neige (%)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="201" />
      <source>Snow (SEB)</source>
      <translation>Neige (SEB)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="139" />
      <source>Snow detection (Let It Snow)</source>
      <translation>Détection de la neige (Let It Snow)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/detection.py" line="296" />
      <source>Snow detection inputs must share one 2-D grid; got {shapes}</source>
      <translation>Les entrées de la détection de neige doivent partager une même grille 2D ; reçu {shapes}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/synthesis.py" line="47" />
      <source>Snow product codes must lie in 0–255; found values from {low} to {high}</source>
      <translation>Les codes d'un produit neige doivent être compris entre 0 et 255 ; valeurs trouvées de {low} à {high}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="206" />
      <source>Snowline elevation zs (m)</source>
      <translation>Altitude de la limite de l'enneigement zs (m)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_detection.py" line="187" />
      <source>Snowline zs = {zs} m; the second pass is disabled.</source>
      <translation>Limite de l'enneigement zs = {zs} m ; la seconde passe est désactivée.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_detection.py" line="185" />
      <source>Snowline zs = {zs} m; the second pass is enabled.</source>
      <translation>Limite de l'enneigement zs = {zs} m ; la seconde passe est activée.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="40" />
      <source>Snowline: elevation band height dz (m)</source>
      <translation>Limite de l'enneigement : hauteur des tranches d'altitude dz (m)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="42" />
      <source>Snowline: minimum clear fraction of a band</source>
      <translation>Limite de l'enneigement : fraction claire minimale d'une tranche</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="41" />
      <source>Snowline: minimum snow fraction of clear pixels in a band</source>
      <translation>Limite de l'enneigement : fraction minimale de neige parmi les pixels clairs d'une tranche</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="87" />
      <source>Spectral index</source>
      <translation>Indice spectral</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="419" />
      <source>Spectral index over several products</source>
      <translation>Indice spectral sur plusieurs produits</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="90" />
      <location filename="../../theia_plugin/processing/indices.py" line="263" />
      <source>Spectral indices</source>
      <translation>Indices spectraux</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/themes.py" line="70" />
      <source>The CES theme id “{id}” is used twice</source>
      <translation>L'identifiant de thème de CES « {id} » est utilisé deux fois</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/themes.py" line="79" />
      <source>The CES themes file is malformed: {error}</source>
      <translation>Le fichier des thèmes des CES est mal formé : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/detection.py" line="354" />
      <source>The DEM does not cover the whole image ({count} pixels without elevation)</source>
      <translation>Le MNT ne couvre pas toute l'image ({count} pixels sans altitude)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_detection.py" line="169" />
      <source>The DEM {path} has no elevation for {count} pixels of the product (rows {start}–{end} of the 20 m grid): it must cover the whole product with valid values.</source>
      <translation>Le MNT {path} n'a pas d'altitude pour {count} pixels du produit (lignes {start}–{end} de la grille à 20 m) : il doit couvrir tout le produit avec des valeurs valides.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_detection.py" line="143" />
      <source>The DEM {path} is not on the product's 20 m grid: it is resampled onto it (bilinear).</source>
      <translation>Le MNT {path} n'est pas sur la grille à 20 m du produit : il y est rééchantillonné (bilinéaire).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="371" />
      <source>The QGIS authentication system is not available</source>
      <translation>Le système d'authentification de QGIS n'est pas disponible</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/stac_backend.py" line="209" />
      <source>The STAC API {url} does not support item search</source>
      <translation>L'API STAC {url} ne permet pas la recherche d'items</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="485" />
      <source>The authentication configuration “{id}” could not be applied</source>
      <translation>La configuration d'authentification « {id} » n'a pas pu être appliquée</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="395" />
      <source>The authentication configuration “{id}” could not be read</source>
      <translation>La configuration d'authentification « {id} » n'a pas pu être lue</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="378" />
      <source>The authentication configuration “{id}” does not exist</source>
      <translation>La configuration d'authentification « {id} » n'existe pas</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="404" />
      <source>The authentication method “{method}” is not available in this QGIS</source>
      <translation>La méthode d'authentification « {method} » n'est pas disponible dans ce QGIS</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="258" />
      <location filename="../../theia_plugin/core/catalogue/model.py" line="255" />
      <source>The bounding box must be four numbers: west, south, east, north</source>
      <translation>L'emprise doit être quatre nombres : ouest, sud, est, nord</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="277" />
      <source>The bounding box south ({south}) must be less than its north ({north})</source>
      <translation>Le sud de l'emprise ({south}) doit être inférieur à son nord ({north})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="271" />
      <source>The bounding box west ({west}) must be less than its east ({east})</source>
      <translation>L'ouest de l'emprise ({west}) doit être inférieur à son est ({east})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="678" />
      <location filename="../../theia_plugin/net/requests_transport.py" line="284" />
      <source>The connection to the server was interrupted</source>
      <translation>La connexion au serveur a été interrompue</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="983" />
      <source>The download was interrupted</source>
      <translation>Le téléchargement a été interrompu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="1043" />
      <source>The downloaded file has {size} bytes instead of {expected}</source>
      <translation>Le fichier téléchargé fait {size} octets au lieu de {expected}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="1053" />
      <source>The downloaded file is corrupted (checksum {actual})</source>
      <translation>Le fichier téléchargé est corrompu (somme de contrôle {actual})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="322" />
      <source>The end date “{value}” is not a date (expected e.g. 2021-06-30)</source>
      <translation>La date de fin « {value} » n'est pas une date (attendu par ex. 2021-06-30)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="338" />
      <source>The filter on “{name}” must be (operator, value) with an operator among {ops}</source>
      <translation>Le filtre sur « {name} » doit être (opérateur, valeur) avec un opérateur parmi {ops}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="148" />
      <source>The formula is empty.</source>
      <translation>La formule est vide.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="151" />
      <source>The formula is too long ({length} characters, at most {limit}).</source>
      <translation>La formule est trop longue ({length} caractères, au plus {limit}).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="178" />
      <source>The link may have expired: search again to get a fresh one</source>
      <translation>Le lien a peut-être expiré : relancez la recherche pour en obtenir un nouveau</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="149" />
      <source>The maximum cloud cover must be between 0 and 100 %, not {value}</source>
      <translation>La couverture nuageuse maximale doit être comprise entre 0 et 100 %, pas {value}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="97" />
      <source>The network request failed</source>
      <translation>La requête réseau a échoué</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="165" />
      <source>The page size must be a whole number from 1 to {maximum}, not {value}</source>
      <translation>La taille de page doit être un nombre entier de 1 à {maximum}, pas {value}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="251" />
      <source>The proxy refused the connection</source>
      <translation>Le proxy a refusé la connexion</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="250" />
      <source>The proxy requires authentication</source>
      <translation>Le proxy demande une authentification</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="670" />
      <source>The proxy {proxy} refused the connection</source>
      <translation>Le proxy {proxy} a refusé la connexion</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="223" />
      <source>The request timed out</source>
      <translation>La requête a dépassé le délai d'attente</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="173" />
      <source>The resource is no longer available</source>
      <translation>La ressource n'est plus disponible</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="174" />
      <source>The resource was not found</source>
      <translation>La ressource est introuvable</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="304" />
      <source>The search geometry must be a GeoJSON {types} with coordinates</source>
      <translation>La géométrie de recherche doit être un {types} GeoJSON avec des coordonnées</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="265" />
      <source>The secure connection (TLS/SSL) failed</source>
      <translation>La connexion sécurisée (TLS/SSL) a échoué</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="220" />
      <source>The server did not answer within {seconds} s</source>
      <translation>Le serveur n'a pas répondu en {seconds} s</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="205" />
      <source>The server failed to process the request</source>
      <translation>Le serveur n'a pas pu traiter la requête</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="226" />
      <source>The server may be overloaded or your connection slow: try again later, or increase the timeout ({settings} › Timeout)</source>
      <translation>Le serveur est peut-être surchargé ou votre connexion lente : réessayez plus tard, ou augmentez le délai d'attente ({settings} › Délai d'attente)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="684" />
      <location filename="../../theia_plugin/net/requests_transport.py" line="278" />
      <source>The server name could not be resolved</source>
      <translation>Le nom du serveur n'a pas pu être résolu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="190" />
      <source>The server received too many requests</source>
      <translation>Le serveur a reçu trop de requêtes</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="766" />
      <source>The server redirected to an insecure (http) address</source>
      <translation>Le serveur a redirigé vers une adresse non sécurisée (http)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="762" />
      <source>The server redirected to an unsupported address</source>
      <translation>Le serveur a redirigé vers une adresse non prise en charge</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="777" />
      <source>The server redirects in a loop: check the address of the service</source>
      <translation>Le serveur redirige en boucle : vérifiez l'adresse du service</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="140" />
      <source>The server rejected the request</source>
      <translation>Le serveur a rejeté la requête</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="507" />
      <source>The server resumed the download at the wrong position</source>
      <translation>Le serveur a repris le téléchargement à la mauvaise position</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="285" />
      <source>The server sent an invalid response</source>
      <translation>Le serveur a renvoyé une réponse invalide</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="204" />
      <source>The service is temporarily unavailable</source>
      <translation>Le service est temporairement indisponible</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="158" />
      <source>The sort order needs a field name</source>
      <translation>Le tri a besoin d'un nom de champ</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="136" />
      <source>The start date ({start}) is after the end date ({end})</source>
      <translation>La date de début ({start}) est postérieure à la date de fin ({end})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="320" />
      <source>The start date “{value}” is not a date (expected e.g. 2021-06-30)</source>
      <translation>La date de début « {value} » n'est pas une date (attendu par ex. 2021-06-30)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/parameters.py" line="104" />
      <source>The synthesis needs a hydrological year or a start and end date</source>
      <translation>La synthèse a besoin d'une année hydrologique ou d'une date de début et de fin</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/synthesis.py" line="110" />
      <source>The synthesis period ends ({end}) before it starts ({start})</source>
      <translation>La période de synthèse se termine ({end}) avant de commencer ({start})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/plugin.py" line="78" />
      <source>Theia</source>
      <translation>Theia</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/provider.py" line="28" />
      <source>Theia (Data Terra) — version {}</source>
      <translation>Theia (Data Terra) — version {}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="117" />
      <location filename="../../theia_plugin/processing/indices.py" line="357" />
      <location filename="../../theia_plugin/processing/snow.py" line="171" />
      <source>Theia L2A product (zip or folder)</source>
      <translation>Produit Theia L2A (zip ou dossier)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="452" />
      <source>Theia L2A products (zips or folders, one path per line)</source>
      <translation>Produits Theia L2A (zips ou dossiers, un chemin par ligne)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/ui/options_page.py" line="72" />
      <source>Theia plugin version {}</source>
      <translation>Extension Theia, version {}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="776" />
      <source>Too many redirects</source>
      <translation>Trop de redirections</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/products.py" line="117" />
      <source>Tree cover density</source>
      <translation>Densité du couvert arboré</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="175" />
      <source>Tree cover density (%) for FSC-OG</source>
      <translation>Densité du couvert arboré (%) pour le FSC-OG</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="208" />
      <source>Try again later; if the problem persists, contact the service operator</source>
      <translation>Réessayez plus tard ; si le problème persiste, contactez l'exploitant du service</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="679" />
      <location filename="../../theia_plugin/net/requests_transport.py" line="285" />
      <source>Try again; if it persists, check your connection or proxy</source>
      <translation>Réessayez ; si cela persiste, vérifiez votre connexion ou votre proxy</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="1058" />
      <source>Try the download again</source>
      <translation>Relancez le téléchargement</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="248" />
      <source>Two indices would be written to the same file: {first} and {second}.</source>
      <translation>Deux indices seraient écrits dans le même fichier : {first} et {second}.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="1010" />
      <source>Unexpected HTTP {status} for a download</source>
      <translation>Réponse HTTP {status} inattendue pour un téléchargement</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/themes.py" line="108" />
      <source>Unknown CES theme “{id}”</source>
      <translation>Thème de CES « {id} » inconnu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="305" />
      <source>Unknown band or constant {names} in formula {formula!r}. Known: {known}.</source>
      <translation>Bande ou constante {names} inconnue dans la formule {formula!r}. Connues : {known}.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/catalogue/model.py" line="217" />
      <source>Unknown fields in the saved search: {names}</source>
      <translation>Champs inconnus dans la recherche enregistrée : {names}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/parameters.py" line="107" />
      <source>Unknown hemisphere {value!r}: expected 'north' or 'south'</source>
      <translation>Hémisphère {value!r} inconnu : 'north' ou 'south' attendu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/catalogue.py" line="165" />
      <source>Unknown spectral index {name!r}. Did you mean: {suggestions}?</source>
      <translation>Indice spectral {name!r} inconnu. Vouliez-vous dire : {suggestions} ?</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/catalogue.py" line="167" />
      <source>Unknown spectral index {name!r}. Search the catalogue by name or domain.</source>
      <translation>Indice spectral {name!r} inconnu. Cherchez dans le catalogue par nom ou par domaine.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="398" />
      <source>Unlock the authentication database with its master password</source>
      <translation>Déverrouillez la base d'authentification avec son mot de passe principal</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/qgis_transport.py" line="407" />
      <source>Update QGIS or use another authentication configuration ({settings})</source>
      <translation>Mettez QGIS à jour ou utilisez une autre configuration d'authentification ({settings})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="196" />
      <source>Wait a moment and try again</source>
      <translation>Patientez un instant puis réessayez</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="195" />
      <source>Wait {seconds} s and try again</source>
      <translation>Patientez {seconds} s puis réessayez</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/detection.py" line="335" />
      <source>Window rows {start}–{end} × {cols} columns lie outside the image {shape}</source>
      <translation>Les lignes {start}–{end} × {cols} colonnes de la fenêtre sortent de l'image {shape}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="179" />
      <source>Write the expert bit mask</source>
      <translation>Écrire le masque de bits expert</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="510" />
      <source>[{n}/{total}] {index} of {product}</source>
      <translation>[{n}/{total}] {index} de {product}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="86" />
      <source>a comprehension</source>
      <translation>une compréhension</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="84" />
      <source>a list, tuple, set or dict</source>
      <translation>une liste, un tuple, un ensemble ou un dictionnaire</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="329" />
      <source>an empty body</source>
      <translation>une réponse vide</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="80" />
      <source>and/or</source>
      <translation>and/or</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="72" />
      <source>attribute access (a.b)</source>
      <translation>l'accès à un attribut (a.b)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/run_detection.py" line="135" />
      <source>block_rows must be at least 1 (got {value})</source>
      <translation>block_rows doit valoir au moins 1 (reçu {value})</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="236" />
      <source>calling {name}()</source>
      <translation>l'appel de {name}()</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="78" />
      <source>comparison</source>
      <translation>la comparaison</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="332" />
      <source>content of unknown type</source>
      <translation>un contenu de type inconnu</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="82" />
      <source>if/else</source>
      <translation>if/else</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="74" />
      <source>indexing (a[i])</source>
      <translation>l'indexation (a[i])</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="76" />
      <source>lambda</source>
      <translation>lambda</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="62" />
      <source>none</source>
      <translation>aucune</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/errors.py" line="113" />
      <source>server said: “{message}”</source>
      <translation>message du serveur : « {message} »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="87" />
      <source>the construct {name}</source>
      <translation>la construction {name}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="227" />
      <source>the name {name}</source>
      <translation>le nom {name}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="70" />
      <source>the operator {operator}</source>
      <translation>l'opérateur {operator}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/formula.py" line="209" />
      <source>the value {value!r}</source>
      <translation>la valeur {value!r}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/synthesis.py" line="128" />
      <source>{count} products share their day with another one; they were merged (per pixel, the first clear value wins)</source>
      <translation>{count} produits partagent leur jour avec un autre ; ils ont été fusionnés (par pixel, la première valeur claire l'emporte)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="208" />
      <source>{entry!r} is not of the form name = formula (e.g. mine = (N - R) / (N + R)); names start with a letter and use letters, digits, _ and -.</source>
      <translation>{entry!r} n'est pas de la forme nom = formule (par ex. mon_indice = (N - R) / (N + R)) ; les noms commencent par une lettre et utilisent lettres, chiffres, _ et -.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="162" />
      <source>{index} of {product}</source>
      <translation>{index} de {product}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/compute.py" line="69" />
      <source>{index} uses {names}, which is not a band of Theia L2A products (known band names: {known}).</source>
      <translation>{index} utilise {names}, qui n'est pas une bande des produits Theia L2A (noms de bandes connus : {known}).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/catalogue.py" line="102" />
      <source>{index}: the constant {name} has no default value; give one.</source>
      <translation>{index} : la constante {name} n'a pas de valeur par défaut ; indiquez-en une.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="392" />
      <source>{indices} of {product}</source>
      <translation>{indices} de {product}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/synthesis.py" line="222" />
      <source>{layers} code layers were given for {dates} dates</source>
      <translation>{layers} couches de codes ont été fournies pour {dates} dates</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/engine.py" line="81" />
      <source>{name} ({path}) is in {crs}, expected {expected} like the other bands.</source>
      <translation>{name} ({path}) est en {crs} ; {expected} était attendu, comme pour les autres bandes.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/engine.py" line="96" />
      <source>{name} ({path}) is not on the same grid as the other bands ({width}×{height} px of {res} m from ({x}, {y})); expected the grid of {expected_width}×{expected_height} px of {expected_res} m from ({expected_x}, {expected_y}) or an integer multiple of it.</source>
      <translation>{name} ({path}) n'est pas sur la même grille que les autres bandes ({width}×{height} px de {res} m depuis ({x}, {y})) ; la grille attendue est de {expected_width}×{expected_height} px de {expected_res} m depuis ({expected_x}, {expected_y}), ou un multiple entier de celle-ci.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="97" />
      <source>{name} is not a Theia L2A product name (expected e.g. SENTINEL2A_20190115-103421-123_L2A_T31TCH_C_V2-2).</source>
      <translation>{name} n'est pas un nom de produit Theia L2A (attendu par exemple SENTINEL2A_20190115-103421-123_L2A_T31TCH_C_V2-2).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="117" />
      <source>{path} does not exist.</source>
      <translation>{path} n'existe pas.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/products.py" line="109" />
      <source>{path} is at {res} m; CLM_R2 must be on the 20 m grid of B11.</source>
      <translation>{path} est à {res} m ; CLM_R2 doit être sur la grille à 20 m de B11.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="138" />
      <source>{path} is neither a Theia L2A product folder nor a zip archive.</source>
      <translation>{path} n'est ni un dossier de produit Theia L2A ni une archive zip.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="477" />
      <source>{path} is not a folder.</source>
      <translation>{path} n'est pas un dossier.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="129" />
      <source>{path} is not a readable zip archive (corrupt or truncated?): {error}</source>
      <translation>{path} n'est pas une archive zip lisible (corrompue ou tronquée ?) : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="153" />
      <source>{path}: no {id}_FRE_B*.tif band files found (is the product complete?).</source>
      <translation>{path} : aucun fichier de bande {id}_FRE_B*.tif trouvé (le produit est-il complet ?).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/indices/compute.py" line="102" />
      <source>{product} lacks the band(s) {bands} needed by the chosen indices.</source>
      <translation>{product} n'a pas la ou les bandes {bands} nécessaires aux indices choisis.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="64" />
      <source>{product}: band {band} is missing (available: {available}).</source>
      <translation>{product} : la bande {band} est absente (disponibles : {available}).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/raster/theia_l2a.py" line="75" />
      <source>{product}: mask MASKS/{product}_{mask}.tif is missing.</source>
      <translation>{product} : le masque MASKS/{product}_{mask}.tif est absent.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/products.py" line="99" />
      <source>{product}: snow detection needs {files}, missing from the product.</source>
      <translation>{product} : la détection de neige a besoin de {files}, absents du produit.</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/snow.py" line="242" />
      <source>{product}: zs = {zs} m, snow {snow:.1f} %, cloud {cloud:.1f} %</source>
      <translation>{product} : zs = {zs} m, neige {snow:.1f} %, nuage {cloud:.1f} %</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/processing/indices.py" line="521" />
      <source>{product}: {error} (skipped; the other products go on)</source>
      <translation>{product} : {error} (ignoré ; les autres produits continuent)</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="855" />
      <source>{reason}: retrying in {seconds} s</source>
      <translation>{reason} : nouvelle tentative dans {seconds} s</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="986" />
      <source>{received} of {expected} bytes received</source>
      <translation>{received} octets reçus sur {expected}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/net/base.py" line="331" />
      <source>{type} starting with “{snippet}”</source>
      <translation>{type} commençant par « {snippet} »</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/products.py" line="153" />
      <source>{what} {path} cannot be read: {error}</source>
      <translation>{what} {path} ne peut pas être lu : {error}</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/products.py" line="165" />
      <source>{what} {path} does not cover the product: it spans ({left:.6g}, {bottom:.6g}) – ({right:.6g}, {top:.6g}) in {crs}, the product needs ({need_left:.6g}, {need_bottom:.6g}) – ({need_right:.6g}, {need_top:.6g}).</source>
      <translation>{what} {path} ne couvre pas le produit : il s'étend de ({left:.6g}, {bottom:.6g}) à ({right:.6g}, {top:.6g}) en {crs}, le produit demande ({need_left:.6g}, {need_bottom:.6g}) – ({need_right:.6g}, {need_top:.6g}).</translation>
    </message>
    <message>
      <location filename="../../theia_plugin/core/snow/products.py" line="145" />
      <source>{what} {path} has no coordinate reference system.</source>
      <translation>{what} {path} n'a pas de système de coordonnées de référence.</translation>
    </message>
  </context>
</TS>
