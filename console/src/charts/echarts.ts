/**
 * ECharts, only the parts the console draws: loaded on first use (a dynamic import), so it is
 * not in the initial bundle. The map series draws GeoJSON polygons with no tiles.
 */
import * as echarts from 'echarts/core'
import { BarChart, LineChart, MapChart, ScatterChart, EffectScatterChart, PieChart, GaugeChart } from 'echarts/charts'
import {
  GeoComponent, GridComponent, LegendComponent, TooltipComponent, TitleComponent, VisualMapComponent, GraphicComponent,
  DatasetComponent, AriaComponent,
} from 'echarts/components'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([BarChart, LineChart, MapChart, ScatterChart, EffectScatterChart, PieChart, GaugeChart, GeoComponent, GridComponent,
  LegendComponent, TooltipComponent, TitleComponent, VisualMapComponent, GraphicComponent, DatasetComponent, AriaComponent, CanvasRenderer])

export default echarts
export type ECharts = ReturnType<typeof echarts.init>
